#!/usr/bin/env python3
"""Writes the small example robot log for a 7-dim state / 4-dim action pick-and-place arm.

State: ee_x, ee_y, ee_z (gripper position), gripper (opening 0..1), obj_x, obj_y, obj_z.
Action: dx, dy, dz (end-effector displacement, clipped to +-0.05), grip (-1 close .. 1 open).
A scripted controller moves to the object, closes the gripper, carries the object to the goal
(0.5, 0.0, 0.2); episode 2 is cut by a 10-step time limit. No reward column: the mapping
names the ORIS pick-and-place reward function instead.

Usage: python3 make_arm_log.py   (rewrites arm-log.csv and arm-log.jsonl beside this script)
"""
import json
import os
import random

GOAL = (0.5, 0.0, 0.2)
HERE = os.path.dirname(os.path.abspath(__file__))


def clip(v, lim=0.05):
    return max(-lim, min(lim, v))


def episode(ep, rng, limit):
    ee = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1), 0.3]
    obj = [rng.uniform(0.2, 0.3), rng.uniform(-0.1, 0.1), 0.02]
    grip = 1.0
    rows = []
    for step in range(limit + 1):
        holding = grip < 0.5 and sum((e - o) ** 2 for e, o in zip(ee, obj)) ** 0.5 < 0.05
        target = GOAL if holding else obj
        act = [clip(t - e) for t, e in zip(target, ee)]
        near = sum((e - o) ** 2 for e, o in zip(ee, obj)) ** 0.5 < 0.03
        act.append(-1.0 if near or holding else 1.0)
        done = sum((o - g) ** 2 for o, g in zip(obj, GOAL)) ** 0.5 < 0.05
        rows.append({
            "episode": ep, "step": step,
            "ee_x": ee[0], "ee_y": ee[1], "ee_z": ee[2], "gripper": grip,
            "obj_x": obj[0], "obj_y": obj[1], "obj_z": obj[2],
            "dx": act[0], "dy": act[1], "dz": act[2], "grip": act[3],
            "done": done, "truncated": step == limit and not done,
        })
        if done or step == limit:
            break
        ee = [e + a for e, a in zip(ee, act[:3])]
        grip = min(1.0, max(0.0, grip + 0.5 * act[3]))
        if holding or (grip < 0.5 and sum((e - o) ** 2 for e, o in zip(ee, obj)) ** 0.5 < 0.05):
            obj = list(ee)
    return rows


def main():
    rng = random.Random(3)
    rows = []
    for ep, limit in enumerate((60, 60, 10)):
        rows += episode(ep, rng, limit)
    cols = list(rows[0].keys())
    with open(os.path.join(HERE, "arm-log.csv"), "w") as f:
        f.write(",".join(cols) + "\n")
        for r in rows:
            f.write(",".join(str(int(r[c])) if isinstance(r[c], bool) else
                             (f"{r[c]:.6f}" if isinstance(r[c], float) else str(r[c])) for c in cols) + "\n")
    with open(os.path.join(HERE, "arm-log.jsonl"), "w") as f:
        for r in rows:
            out = {"episode": r["episode"], "step": r["step"],
                   "state": [round(r[c], 6) for c in ("ee_x", "ee_y", "ee_z", "gripper", "obj_x", "obj_y", "obj_z")],
                   "action": [round(r[c], 6) for c in ("dx", "dy", "dz", "grip")],
                   "done": r["done"], "truncated": r["truncated"]}
            f.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()

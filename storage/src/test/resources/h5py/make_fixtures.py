#!/usr/bin/python3
"""Writes the tiny HDF5 fixtures of this folder with h5py, the way D4RL and Minari write their files.

jHDF's writer (used by most tests) cannot write what h5py writes: gzip-compressed chunked datasets and
numpy bools stored as an HDF5 enum {FALSE, TRUE}. These files cover that. Values follow the formulas
the Java test checks:
  obs[i][k] = i + k/100, next_obs[i][k] = i + 0.5 + k/100, actions[i][j] = -i/10 + j, rewards[i] = 1.25 i,
  qpos[i][k] = 10 i + k + 0.123456789012, qvel[i][k] = -(10 i + k) - 0.987654321098.

Files (regenerate with Debian's python3-h5py: `/usr/bin/python3 make_fixtures.py`):
  hopper_medium-v2.hdf5         float32, rewards [N], every D4RL v2 key, 40 rows, chunks of 8 rows,
                                terminal at row 9, timeouts at rows 19 and 39
  hopper_medium_replay-v2.hdf5  float64, rewards [N, 1], no next_observations, same flags
  minari-hopper/data/main_data.hdf5 + metadata.json   two Minari episodes (3 and 2 steps)
"""
import json
import os

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
N = 40


def arrays(dtype):
    i = np.arange(N, dtype=np.float64)[:, None]
    obs = (i + np.arange(11)[None, :] / 100.0).astype(np.float32).astype(dtype)
    nxt = (i + 0.5 + np.arange(11)[None, :] / 100.0).astype(np.float32).astype(dtype)
    act = (-i / 10.0 + np.arange(3)[None, :]).astype(np.float32).astype(dtype)
    rew = (np.arange(N) * 1.25).astype(np.float32).astype(dtype)
    qpos = 10 * i + np.arange(6)[None, :] + 0.123456789012
    qvel = -(10 * i + np.arange(6)[None, :]) - 0.987654321098
    term = np.zeros(N, dtype=bool)
    term[9] = True
    tout = np.zeros(N, dtype=bool)
    tout[19] = True
    tout[39] = True
    return obs, nxt, act, rew, qpos, qvel, term, tout


def put(f, key, data):
    f.create_dataset(key, data=data, compression='gzip', chunks=(8,) + data.shape[1:])


def d4rl(name, dtype, reward_column, next_obs):
    obs, nxt, act, rew, qpos, qvel, term, tout = arrays(dtype)
    with h5py.File(os.path.join(HERE, name), 'w') as f:
        put(f, 'observations', obs)
        put(f, 'actions', act)
        put(f, 'rewards', rew[:, None] if reward_column else rew)
        put(f, 'terminals', term)
        put(f, 'timeouts', tout)
        if next_obs:
            put(f, 'next_observations', nxt)
        put(f, 'infos/action_log_probs', np.zeros(N, dtype=dtype))
        put(f, 'infos/qpos', qpos)
        put(f, 'infos/qvel', qvel)
        f.create_dataset('metadata/algorithm', data='SAC')
        f.create_dataset('metadata/iteration', data=np.int64(42))
        f.create_dataset('metadata/policy/fc0/weight', data=np.ones((4, 11), dtype=np.float32))


def minari():
    folder = os.path.join(HERE, 'minari-hopper', 'data')
    os.makedirs(folder, exist_ok=True)
    with h5py.File(os.path.join(folder, 'main_data.hdf5'), 'w') as f:
        for e, steps in enumerate((3, 2)):
            g = f.create_group(f'episode_{e}')
            g.attrs['id'] = e
            g.attrs['total_steps'] = steps
            obs = np.array([[e * 100 + i + k / 10.0 for k in range(11)] for i in range(steps + 1)], dtype=np.float64)
            g.create_dataset('observations', data=obs)
            g.create_dataset('actions', data=np.full((steps, 3), 0.5 + e, dtype=np.float32))
            g.create_dataset('rewards', data=np.array([e + i * 0.5 for i in range(steps)], dtype=np.float64))
            g.create_dataset('terminations', data=np.array([e == 0 and i == steps - 1 for i in range(steps)]))
            g.create_dataset('truncations', data=np.array([e == 1 and i == steps - 1 for i in range(steps)]))
            g.create_group('infos')
    with open(os.path.join(folder, 'metadata.json'), 'w') as f:
        json.dump({'dataset_id': 'mujoco/hopper/medium-v0', 'total_episodes': 2, 'total_steps': 5,
                   'minari_version': '0.4.3'}, f)


if __name__ == '__main__':
    d4rl('hopper_medium-v2.hdf5', np.float32, False, True)
    d4rl('hopper_medium_replay-v2.hdf5', np.float64, True, False)
    minari()

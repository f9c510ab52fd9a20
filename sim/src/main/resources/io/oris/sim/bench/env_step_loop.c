/* oris bench sim: the C side of the Java/C comparison. Steps one MuJoCo model exactly as the Java
 * environment does (random action in [-1, 1] -> ctrl, frame-skip mj_step calls, observation copy with the
 * task's velocity clip, reward, termination, reset with noise on done or at 1000 steps) and prints env
 * steps per second. Usage: env_step_loop MODEL.xml TASK FRAME_SKIP SECONDS
 * (TASK: hopper|walker2d|halfcheetah|pick-place). pick-place runs PickPlaceEnv's real (robot stand-in) dynamics:
 * the model changes of PickPlaceDynamics.ROBOT, the mocap moved by 0.6 * 0.01 * a one step late, the binary gripper,
 * the 7-d state with tracker noise, the reward, Place or 150 steps ending the episode.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <mujoco/mujoco.h>

static unsigned long long rng_state = 88172645463325252ULL;
static double uniform(double lo, double hi) {
  rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
  return lo + (hi - lo) * ((rng_state >> 11) * (1.0 / 9007199254740992.0));
}
static double now(void) {
  struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static double gaussian(void) {
  double u = uniform(1e-12, 1.0), v = uniform(0.0, 1.0);
  return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}
static int id_of(const mjModel* m, int type, const char* name) {
  int id = mj_name2id(m, type, name);
  if (id < 0) { fprintf(stderr, "pick-place model has no %s\n", name); exit(1); }
  return id;
}

static int pick_place_loop(mjModel* m, int frame_skip, double seconds) {
  static const double low[3] = {-0.5, 0.4, 0.05}, high[3] = {0.5, 1.0, 0.5}, goal[3] = {0.1, 0.8, 0.2};
  const char* fingers[2] = {"finger_right", "finger_left"};
  const char* pairs[2] = {"grip_right", "grip_left"};
  for (int i = 0; i < 2; i++) {
    int a = id_of(m, mjOBJ_ACTUATOR, fingers[i]);
    m->actuator_gainprm[a * mjNGAIN] = 120.0;
    m->actuator_biasprm[a * mjNBIAS + 1] = -120.0;
    int p = id_of(m, mjOBJ_PAIR, pairs[i]);
    m->pair_friction[5 * p] = 0.8;
    m->pair_friction[5 * p + 1] = 0.8;
  }
  int block = id_of(m, mjOBJ_BODY, "block"), hand = id_of(m, mjOBJ_BODY, "hand");
  double scale = 0.2 / m->body_mass[block];
  m->body_mass[block] = 0.2;
  for (int k = 0; k < 3; k++) m->body_inertia[3 * block + k] *= scale;
  int hand_q = m->jnt_qposadr[id_of(m, mjOBJ_JOINT, "hand_free")];
  int block_q = m->jnt_qposadr[id_of(m, mjOBJ_JOINT, "block_free")];
  int right = id_of(m, mjOBJ_SITE, "fingertip_right"), left = id_of(m, mjOBJ_SITE, "fingertip_left");
  mjData* d = mj_makeData(m);
  mj_setConst(m, d);
  double pending[4] = {0, 0, 0, -1}, action[4], obs[7], checksum = 0;
  long steps = 0;
  int elapsed = 0;
  double start = now(), deadline = start + seconds;
  for (;;) {
    if (elapsed == 0) {
      mj_resetData(m, d);
      double hand0[3] = {0.0, 0.6, 0.2};
      for (int k = 0; k < 3; k++) { d->mocap_pos[k] = hand0[k]; d->qpos[hand_q + k] = hand0[k]; }
      d->qpos[block_q] = uniform(-0.1, 0.1);
      d->qpos[block_q + 1] = uniform(0.6, 0.7);
      d->qpos[block_q + 2] = 0.02;
      pending[0] = pending[1] = pending[2] = 0; pending[3] = -1;
      mj_forward(m, d);
    }
    for (int i = 0; i < 4; i++) action[i] = uniform(-1, 1);
    for (int k = 0; k < 3; k++) d->mocap_pos[k] = fmax(low[k], fmin(high[k], d->mocap_pos[k] + 0.006 * pending[k]));
    double grip = pending[3] > 0 ? 1.0 : -1.0;
    d->ctrl[0] = grip; d->ctrl[1] = -grip;
    for (int i = 0; i < 4; i++) pending[i] = action[i];
    for (int k = 0; k < frame_skip; k++) mj_step(m, d);
    double gap2 = 0;
    for (int k = 0; k < 3; k++) {
      obs[k] = d->xpos[3 * hand + k];
      double g = d->site_xpos[3 * right + k] - d->site_xpos[3 * left + k];
      gap2 += g * g;
      obs[4 + k] = d->xpos[3 * block + k] + 0.003 * gaussian();
    }
    obs[3] = fmax(0.0, fmin(1.0, sqrt(gap2) / 0.1));
    double d1 = 0, d2 = 0;
    for (int k = 0; k < 3; k++) {
      d1 += (obs[k] - obs[4 + k]) * (obs[k] - obs[4 + k]);
      d2 += (obs[4 + k] - goal[k]) * (obs[4 + k] - goal[k]);
    }
    double reward = -0.1 + (sqrt(d1) < 0.1 ? 0.1 : 0.0) + (sqrt(d2) < 0.05 ? 20.0 : 0.0);
    checksum += reward + obs[0];
    steps++;
    elapsed++;
    if (sqrt(d2) < 0.05 || elapsed >= 150) elapsed = 0;
    if ((steps & 255) == 0 && now() >= deadline) break;
  }
  double rate = steps / (now() - start);
  printf("%.1f %ld %.6g\n", rate, steps, checksum);
  mj_deleteData(d);
  mj_deleteModel(m);
  return 0;
}

int main(int argc, char** argv) {
  if (argc != 5) { fprintf(stderr, "usage: %s MODEL.xml TASK FRAME_SKIP SECONDS\n", argv[0]); return 2; }
  char error[1000] = "";
  mjModel* m = mj_loadXML(argv[1], 0, error, sizeof(error));
  if (!m) { fprintf(stderr, "cannot load %s: %s\n", argv[1], error); return 1; }
  int task = strcmp(argv[2], "hopper") == 0 ? 0 : strcmp(argv[2], "walker2d") == 0 ? 1 : 2;
  int frame_skip = atoi(argv[3]);
  double seconds = atof(argv[4]);
  if (strcmp(argv[2], "pick-place") == 0) return pick_place_loop(m, frame_skip, seconds);
  mjData* d = mj_makeData(m);
  int nq = m->nq, nv = m->nv, nu = m->nu;
  double* init_qpos = malloc(sizeof(double) * nq);
  double* init_qvel = malloc(sizeof(double) * nv);
  mju_copy(init_qpos, d->qpos, nq);
  mju_copy(init_qvel, d->qvel, nv);
  double* obs = malloc(sizeof(double) * (nq - 1 + nv));
  double* action = malloc(sizeof(double) * nu);
  double dt = m->opt.timestep * frame_skip;
  double clip = task == 2 ? INFINITY : 10.0;
  double checksum = 0;
  long steps = 0;
  int elapsed = 0;
  double start = now(), deadline = start + seconds;
  for (;;) {
    if (elapsed == 0) {
      mj_resetData(m, d);
      for (int i = 0; i < nq; i++) d->qpos[i] = init_qpos[i] + uniform(task == 2 ? -0.1 : -0.005, task == 2 ? 0.1 : 0.005);
      for (int i = 0; i < nv; i++) d->qvel[i] = init_qvel[i] + uniform(task == 2 ? -0.1 : -0.005, task == 2 ? 0.1 : 0.005);
      mj_forward(m, d);
    }
    for (int i = 0; i < nu; i++) { action[i] = uniform(-1, 1); d->ctrl[i] = action[i]; }
    double x_before = d->qpos[0];
    for (int k = 0; k < frame_skip; k++) mj_step(m, d);
    double ctrl_cost = 0;
    for (int i = 0; i < nu; i++) ctrl_cost += action[i] * action[i];
    double reward = (d->qpos[0] - x_before) / dt + (task == 2 ? -0.1 * ctrl_cost : 1.0 - 1e-3 * ctrl_cost);
    for (int i = 1; i < nq; i++) obs[i - 1] = d->qpos[i];
    for (int i = 0; i < nv; i++) obs[nq - 1 + i] = fmax(-clip, fmin(clip, d->qvel[i]));
    checksum += reward + obs[0];
    double height = d->qpos[1], angle = d->qpos[2];
    int healthy = 1;
    if (task == 0) {
      for (int i = 0; i < nq; i++) if (!isfinite(d->qpos[i]) || (i >= 2 && fabs(d->qpos[i]) >= 100)) healthy = 0;
      for (int i = 0; i < nv; i++) if (!isfinite(d->qvel[i]) || fabs(d->qvel[i]) >= 100) healthy = 0;
      healthy = healthy && height > 0.7 && fabs(angle) < 0.2;
    } else if (task == 1) {
      healthy = height > 0.8 && height < 2.0 && angle > -1.0 && angle < 1.0;
    }
    steps++;
    elapsed++;
    if (!healthy || elapsed >= 1000) elapsed = 0;
    if ((steps & 255) == 0 && now() >= deadline) break;
  }
  double rate = steps / (now() - start);
  printf("%.1f %ld %.6g\n", rate, steps, checksum);
  mj_deleteData(d);
  mj_deleteModel(m);
  return 0;
}

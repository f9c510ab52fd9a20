/* oris bench sim: the C side of the Java/C comparison. Steps one MuJoCo model exactly as the Java
 * environment does (random action in [-1, 1] -> ctrl, frame-skip mj_step calls, observation copy with the
 * task's velocity clip, reward, termination, reset with noise on done or at 1000 steps) and prints env
 * steps per second. Usage: env_step_loop MODEL.xml TASK FRAME_SKIP SECONDS   (TASK: hopper|walker2d|halfcheetah)
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

int main(int argc, char** argv) {
  if (argc != 5) { fprintf(stderr, "usage: %s MODEL.xml TASK FRAME_SKIP SECONDS\n", argv[0]); return 2; }
  char error[1000] = "";
  mjModel* m = mj_loadXML(argv[1], 0, error, sizeof(error));
  if (!m) { fprintf(stderr, "cannot load %s: %s\n", argv[1], error); return 1; }
  int task = strcmp(argv[2], "hopper") == 0 ? 0 : strcmp(argv[2], "walker2d") == 0 ? 1 : 2;
  int frame_skip = atoi(argv[3]);
  double seconds = atof(argv[4]);
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

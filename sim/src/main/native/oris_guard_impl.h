// Bodies of the guarded entry points (compiled into the JNI library; not parsed by JavaCPP).
#ifndef ORIS_GUARD_IMPL_H_
#define ORIS_GUARD_IMPL_H_

#include <setjmp.h>
#include <string.h>

static thread_local jmp_buf* oris_jump_target = 0;
static thread_local char oris_error_buffer[1024];
static thread_local char oris_warning_buffer[1024];
static thread_local int oris_warnings = 0;

static void oris_copy_message(char* dst, const char* msg) {
  strncpy(dst, msg ? msg : "(no message)", 1023);
  dst[1023] = 0;
}

static void oris_error_handler(const char* msg) {
  oris_copy_message(oris_error_buffer, msg);
  if (oris_jump_target) {
    longjmp(*oris_jump_target, 1);
  }
  // Outside a guarded call there is nowhere to jump to: MuJoCo continues after the handler returns,
  // and the recorded message is reported by the next guarded call's caller.
}

static void oris_warning_handler(const char* msg) {
  oris_copy_message(oris_warning_buffer, msg);
  oris_warnings++;
}

void oris_install_handlers() {
  mju_user_error = oris_error_handler;
  mju_user_warning = oris_warning_handler;
}

const char* oris_last_error() { return oris_error_buffer; }
const char* oris_last_warning() { return oris_warning_buffer; }
int oris_warning_count() { return oris_warnings; }
void oris_clear_messages() {
  oris_error_buffer[0] = 0;
  oris_warning_buffer[0] = 0;
  oris_warnings = 0;
}

#define ORIS_GUARDED(fail_value, body)        \
  jmp_buf target;                             \
  jmp_buf* previous = oris_jump_target;       \
  oris_error_buffer[0] = 0;                   \
  if (setjmp(target) != 0) {                  \
    oris_jump_target = previous;              \
    return fail_value;                        \
  }                                           \
  oris_jump_target = &target;                 \
  body                                        \
  oris_jump_target = previous;

int oris_step(const mjModel* m, mjData* d, int nstep) {
  ORIS_GUARDED(1, for (int i = 0; i < nstep; i++) { mj_step(m, d); })
  return 0;
}

int oris_forward(const mjModel* m, mjData* d) {
  ORIS_GUARDED(1, mj_forward(m, d);)
  return 0;
}

int oris_reset_data(const mjModel* m, mjData* d) {
  ORIS_GUARDED(1, mj_resetData(m, d);)
  return 0;
}

mjModel* oris_load_xml(const char* filename, char* error, int error_sz) {
  mjModel* result = 0;
  ORIS_GUARDED(0, result = mj_loadXML(filename, 0, error, error_sz);)
  return result;
}

mjModel* oris_copy_model(const mjModel* m) {
  mjModel* result = 0;
  ORIS_GUARDED(0, result = mj_copyModel(0, m);)
  return result;
}

mjData* oris_make_data(const mjModel* m) {
  mjData* result = 0;
  ORIS_GUARDED(0, result = mj_makeData(m);)
  return result;
}

#undef ORIS_GUARDED

#endif  // ORIS_GUARD_IMPL_H_

// Guarded entry points into MuJoCo for the Java bindings (parsed by JavaCPP: prototypes only).
// MuJoCo's default error handler prints "Press Enter to exit", reads stdin and exits the process.
// oris_install_handlers() replaces it by one that records the message and jumps back to the guarded
// call, which then returns an error code; Java turns that into an exception carrying MuJoCo's message.
#ifndef ORIS_GUARD_H_
#define ORIS_GUARD_H_

void oris_install_handlers();
const char* oris_last_error();
const char* oris_last_warning();
int oris_warning_count();
void oris_clear_messages();
int oris_step(const mjModel* m, mjData* d, int nstep);
int oris_forward(const mjModel* m, mjData* d);
int oris_reset_data(const mjModel* m, mjData* d);
mjModel* oris_load_xml(const char* filename, char* error, int error_sz);
mjModel* oris_copy_model(const mjModel* m);
mjData* oris_make_data(const mjModel* m);

#include "oris_guard_impl.h"

#endif  // ORIS_GUARD_H_

package io.oris.sim.mujoco.presets;

import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.javacpp.tools.Info;
import org.bytedeco.javacpp.tools.InfoMap;
import org.bytedeco.javacpp.tools.InfoMapper;

/**
 * JavaCPP preset for the MuJoCo 2.2.2 C API (Debian {@code libmujoco-dev}): the build parses every public
 * header into {@code io.oris.sim.mujoco.global.mujoco} and one class per struct, then compiles the JNI
 * library and bundles {@code libmujoco} with the libraries it loads, so the jar runs without the package.
 */
@Properties(
    target = "io.oris.sim.mujoco",
    global = "io.oris.sim.mujoco.global.mujoco",
    value = @Platform(
        value = "linux-x86_64",
        compiler = "cpp11",
        include = {
            "mujoco/mjtnum.h",
            "mujoco/mjmodel.h",
            "mujoco/mjdata.h",
            "mujoco/mjvisualize.h",
            "mujoco/mjrender.h",
            "mujoco/mjui.h",
            "mujoco/mujoco.h",
            "oris_guard.h"
        },
        link = "mujoco@.2.2.2",
        preload = {"ccd@.2", "lodepng@.0", "qhull_r@.8.0", "tinyxml2@.9"}))
public class mujoco implements InfoMapper {
    static final String[] STRUCTS = {
        "mjContact", "mjData", "mjLROpt", "mjModel", "mjOption", "mjSolverStat", "mjStatistic",
        "mjTimerStat", "mjUI", "mjVFS", "mjVisual", "mjWarningStat", "mjrContext", "mjrRect", "mjuiDef",
        "mjuiItem", "mjuiSection", "mjuiState", "mjuiThemeColor", "mjuiThemeSpacing", "mjvCamera",
        "mjvFigure", "mjvGLCamera", "mjvGeom", "mjvLight", "mjvOption", "mjvPerturb", "mjvScene"
    };

    static final String[] MATH_ALIASES = {
        "mju_sqrt", "mju_exp", "mju_sin", "mju_cos", "mju_tan", "mju_asin", "mju_acos", "mju_atan2",
        "mju_tanh", "mju_pow", "mju_abs", "mju_log", "mju_log10", "mju_floor", "mju_ceil"
    };

    @Override
    public void map(InfoMap infoMap) {
        infoMap.put(new Info("MJAPI", "MJLOCAL", "MUJOCO_HELPER_DLL_IMPORT", "MUJOCO_HELPER_DLL_EXPORT",
                        "MUJOCO_HELPER_DLL_LOCAL").cppTypes().annotations())
               .put(new Info("defined _WIN32 || defined __CYGWIN__").define(false))
               .put(new Info("__GNUC__ >= 4").define(true))
               .put(new Info("MJ_STATIC", "MUJOCO_DLL_EXPORTS").define(false))
               .put(new Info("mjUSEDOUBLE").define(true))
               .put(new Info("mjMARKSTACK", "mjFREESTACK", "mjDISABLED", "mjENABLED", "mjMAX", "mjMIN",
                        "mjCOLLISIONFUNC").skip())
               .put(new Info(MATH_ALIASES).skip())
               .put(new Info("mjtNum").cast().valueTypes("double").pointerTypes("DoublePointer", "DoubleBuffer", "double[]"))
               .put(new Info("mjtByte").cast().valueTypes("byte").pointerTypes("BytePointer", "ByteBuffer", "byte[]"));
        for (String struct : STRUCTS) {
            infoMap.put(new Info(struct + "_").pointerTypes(struct))
                   .put(new Info(struct).pointerTypes(struct));
        }
    }
}

"""
Starts the Java virtual machine inside this Python process (JPype) with Myelin's fat jar, once.

The JDK is found as bin/java-env finds it: $JAVA_HOME if it is 25 or newer, else the newest
JDK >= 25 under /usr/lib/jvm (or $MYELIN_JVM_DIR). The jar is myelin-cli/target/myelin.jar
of this checkout, or $MYELIN_JAR.
"""

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD_COMMAND = "source bin/java-env && mvn -B -q -ntp -o -pl myelin-cli -am package -DskipTests"
# the options of bin/myelin, without its ahead-of-time cache (that is keyed to the -jar class path)
JVM_OPTIONS = ("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xms16m",
               "-XX:CompileCommand=quiet",
               "-XX:CompileCommand=CompileThresholdScaling,org.myelin.neuron.Lif::integrateVector,0.05")


class MyelinUnavailable(ImportError):
    """Myelin's jar, a JDK 25 or JPype is missing; the message says what to run or install."""


def _one_line_hook(previous):
    def hook(kind, value, tb):
        if issubclass(kind, MyelinUnavailable):
            print("pyNN_myelin: %s" % value, file=sys.stderr)
        else:
            previous(kind, value, tb)
    return hook


sys.excepthook = _one_line_hook(sys.excepthook)


def java_major(home):
    """The feature version of the JDK at `home` from its release file, or 0."""
    try:
        with open(os.path.join(home, "release")) as f:
            text = f.read()
    except OSError:
        return 0
    match = re.search(r'JAVA_VERSION="(\d+)', text)
    return int(match.group(1)) if match else 0


def find_jdk():
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "javac"), os.X_OK) and java_major(home) >= 25:
        return home
    best, best_major = None, 0
    root = os.environ.get("MYELIN_JVM_DIR", "/usr/lib/jvm")
    for name in sorted(os.listdir(root)) if os.path.isdir(root) else []:
        path = os.path.join(root, name)
        major = java_major(path)
        if os.access(os.path.join(path, "bin", "javac"), os.X_OK) and major >= 25 and major > best_major:
            best, best_major = path, major
    return best


def jar_path():
    return os.environ.get("MYELIN_JAR", os.path.join(ROOT, "myelin-cli", "target", "myelin.jar"))


def _jpype_jar(jpype):
    here = os.path.dirname(os.path.dirname(jpype.__file__))
    for candidate in (os.path.join(here, "org.jpype.jar"), "/usr/share/java/org.jpype.jar"):
        if os.path.isfile(candidate):
            return candidate
    return None


def start():
    """Starts the JVM if it is not running and returns the jpype module."""
    try:
        import jpype
    except ImportError:
        raise MyelinUnavailable("JPype is not installed; install it (Debian: apt-get install python3-jpype)") from None
    if jpype.isJVMStarted():
        return jpype
    jar = jar_path()
    if not os.path.isfile(jar):
        raise MyelinUnavailable("Myelin's jar %s is missing; build it in %s with: %s" % (jar, ROOT, BUILD_COMMAND))
    jdk = find_jdk()
    if jdk is None:
        raise MyelinUnavailable(
            "no JDK 25 or newer (JAVA_HOME=%s, none under %s); install one (Debian: apt-get install "
            "temurin-25-jdk from the Adoptium repository, or any OpenJDK 25)"
            % (os.environ.get("JAVA_HOME", "unset"), os.environ.get("MYELIN_JVM_DIR", "/usr/lib/jvm")))
    libjvm = os.path.join(jdk, "lib", "server", "libjvm.so")
    classpath = [jar] + [p for p in [_jpype_jar(jpype)] if p]
    extra = os.environ.get("MYELIN_JAVA_OPTS", "").split()
    jpype.startJVM(libjvm, *JVM_OPTIONS, *extra, classpath=classpath, convertStrings=True)
    return jpype


class _Classes:
    """Myelin's Java classes by short name, looked up once the JVM runs."""

    NAMES = {
        "Network": "org.myelin.sim.Network",
        "Simulation": "org.myelin.sim.Simulation",
        "NeuronModels": "org.myelin.neuron.NeuronModels",
        "Integrator": "org.myelin.base.Integrator",
        "Exponential": "org.myelin.synapse.Exponential",
        "Alpha": "org.myelin.synapse.Alpha",
        "Coba": "org.myelin.output.Coba",
        "Cuba": "org.myelin.output.Cuba",
        "AlignPostProjection": "org.myelin.projection.AlignPostProjection",
        "PlasticProjection": "org.myelin.projection.PlasticProjection",
        "Ports": "org.myelin.projection.Inputs",
        "AllToAll": "org.myelin.connect.AllToAll",
        "OneToOne": "org.myelin.connect.OneToOne",
        "FixedProbability": "org.myelin.connect.FixedProbability",
        "FixedInDegree": "org.myelin.connect.FixedInDegree",
        "FixedOutDegree": "org.myelin.connect.FixedOutDegree",
        "ExplicitConnections": "org.myelin.connect.ExplicitConnections",
        "CsrConnectivity": "org.myelin.connect.CsrConnectivity",
        "Initializer": "org.myelin.random.Initializer",
        "Rng": "org.myelin.random.Rng",
        "DelayRounding": "org.myelin.delay.DelayRounding",
        "PoissonGroup": "org.myelin.input.PoissonGroup",
        "PoissonRate": "org.myelin.input.PoissonGroup$Rate",
        "SpikeGeneratorGroup": "org.myelin.input.SpikeGeneratorGroup",
        "SectionInput": "org.myelin.input.SectionInput",
        "SinusoidalCurrent": "org.myelin.input.SinusoidalCurrent",
        "ShortTermDepression": "org.myelin.plasticity.ShortTermDepression",
        "ShortTermPlasticity": "org.myelin.plasticity.ShortTermPlasticity",
        "StpEventOrder": "org.myelin.plasticity.ShortTermPlasticity$EventOrder",
        "PairStdp": "org.myelin.plasticity.PairStdp",
        "WeightDependence": "org.myelin.plasticity.WeightDependence",
        "ModelException": "org.myelin.util.ModelException",
        "HashMap": "java.util.HashMap",
    }

    def __getattr__(self, name):
        jpype = start()
        cls = jpype.JClass(self.NAMES[name])
        setattr(self, name, cls)
        return cls


J = _Classes()


def doubles(values):
    jpype = start()
    import numpy as np
    return jpype.JArray(jpype.JDouble)(np.ascontiguousarray(values, dtype=float))


def ints(values):
    jpype = start()
    import numpy as np
    return jpype.JArray(jpype.JInt)(np.ascontiguousarray(values, dtype=np.int32))


def to_numpy(java_array, dtype=float):
    import numpy as np
    return np.array(java_array, dtype=dtype)


def scalar_map(values):
    """A java.util.Map<String, Double> of `values`."""
    jpype = start()
    m = J.HashMap()
    for key, value in values.items():
        m.put(key, jpype.JDouble(float(value)))
    return m


def array_map(values):
    """A java.util.Map<String, double[]> of `values`."""
    m = J.HashMap()
    for key, value in values.items():
        m.put(key, doubles(value))
    return m

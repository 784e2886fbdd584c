package io.rtctoken.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * The crossing: each {@link Calls} case through Java minus the same core
 * call looped natively ({@link CoreLoop}), interleaved in one process and
 * timed in CPU time of this thread, so the load of a shared machine hits
 * both alike. Prints the Markdown table BENCHMARKS.md records.
 *
 * <p>Usage: {@code java -cp bench/target/classes io.rtctoken.bench.Crossing
 * JAR [BEFORE_JAR] [ROUNDS] [CASE...]}: JAR is the rtctoken jar built with the
 * {@code bench} feature; BEFORE_JAR, an older rtctoken jar, is timed in the
 * same run (each jar in its own class loader) for a before/after table;
 * CASE numbers pick rows of {@link Calls#CASES} (all by default).
 */
public final class Crossing {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int REPEATS = 15;

    private Crossing() {
    }

    public static void main(String[] args) throws Exception {
        URL classes = Crossing.class.getProtectionDomain().getCodeSource().getLocation();
        Method after = calls(classes, args[0]);
        Method before = args.length > 1 && !args[1].isEmpty() ? calls(classes, args[1]) : null;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Method core = after.getDeclaringClass().getClassLoader().loadClass("io.rtctoken.bench.CoreLoop")
                .getMethod("run", String.class, String.class, int.class);
        String[][] cases = (String[][]) after.getDeclaringClass().getField("CASES").get(null);

        System.out.println(before == null ? "| call | through Java | core alone | crossing |"
                : "| call | core alone | through Java, before | crossing before | through Java, after | crossing after |");
        System.out.println(before == null ? "|---|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|");
        for (int n = 0; n < cases.length; n++) {
            final int i = n;
            if (args.length > 3 && !Arrays.asList(args).subList(3, args.length).contains(String.valueOf(i))) {
                continue;
            }
            String[] c = cases[i];
            double[] coreNs = new double[REPEATS];
            double[] afterNs = new double[REPEATS];
            double[] beforeNs = new double[REPEATS];
            for (int r = -2; r < REPEATS; r++) { // two warm-up repeats
                double a = ns(() -> after.invoke(null, i, rounds), rounds);
                double k = ns(() -> core.invoke(null, c[1], c[2], rounds), rounds);
                double b = before == null ? 0 : ns(() -> before.invoke(null, i, rounds), rounds);
                if (r >= 0) {
                    afterNs[r] = a;
                    coreNs[r] = k;
                    beforeNs[r] = b;
                }
            }
            double k = median(coreNs);
            double a = median(afterNs);
            if (before == null) {
                System.out.printf("| %s | %.2f µs | %.2f µs | %.2f µs |%n", c[0], a / 1e3, k / 1e3, (a - k) / 1e3);
            } else {
                double b = median(beforeNs);
                System.out.printf("| %s | %.2f µs | %.2f µs | %.2f µs | %.2f µs | %.2f µs |%n", c[0], k / 1e3,
                        b / 1e3, (b - k) / 1e3, a / 1e3, (a - k) / 1e3);
            }
        }
    }

    /** {@code Calls.loop} of a fresh copy of this harness's classes next to {@code jar}. */
    private static Method calls(URL classes, String jar) throws Exception {
        URL[] path = {classes, Paths.get(jar).toUri().toURL()};
        ClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
        return loader.loadClass("io.rtctoken.bench.Calls").getMethod("loop", int.class, int.class);
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Thread CPU ns per round of {@code body} ({@code rounds} rounds). */
    private static double ns(Body body, int rounds) throws Exception {
        long start = CPU.getCurrentThreadCpuTime();
        body.run();
        return (CPU.getCurrentThreadCpuTime() - start) / (double) rounds;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}

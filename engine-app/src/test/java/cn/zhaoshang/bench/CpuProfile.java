package cn.zhaoshang.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a workload's time goes, for the targets W1 cannot reach (issue 7): the CPU the app's JVM and the database
 * server each spent per unit of work (the machine has two cores, so CPU is the budget), and a JDK Flight Recorder
 * sample of the app's threads — the request threads (Tomcat's {@code exec-}) and the job executor — attributed to the
 * library that runs each sample: the innermost frame outside the JDK decides (JDK frames count for their caller).
 * The simulated officials run in the same JVM; their threads are counted apart as the client.
 */
final class CpuProfile implements AutoCloseable {

    /** Packages to the library they belong to, most specific first. */
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"cn.zhaoshang.bench.", "client (the simulated officials)"},
            new String[] {"cn.zhaoshang.support.", "client (the simulated officials)"},
            new String[] {"cn.zhaoshang.", "product code (cn.zhaoshang)"},
            new String[] {"com.mysql.", "MySQL Connector/J"},
            new String[] {"org.h2.", "H2"},
            new String[] {"com.zaxxer.hikari.", "HikariCP"},
            new String[] {"org.apache.ibatis.", "MyBatis (Camunda's and the product's SQL)"},
            new String[] {"org.mybatis.", "MyBatis (Camunda's and the product's SQL)"},
            new String[] {"org.camunda.bpm.engine.impl.persistence.", "Camunda engine: persistence"},
            new String[] {"org.camunda.bpm.engine.impl.db.", "Camunda engine: persistence"},
            new String[] {"org.camunda.bpm.engine.impl.history.", "Camunda engine: history"},
            new String[] {"org.camunda.bpm.engine.", "Camunda engine: execution"},
            new String[] {"org.camunda.bpm.model.", "Camunda BPMN model API"},
            new String[] {"org.camunda.bpm.dmn.", "Camunda DMN"},
            new String[] {"org.camunda.feel.", "Camunda DMN"},
            new String[] {"org.camunda.spin.", "Camunda Spin (JSON variables)"},
            new String[] {"org.camunda.", "Camunda (other)"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"org.springframework.security.", "Spring Security"},
            new String[] {"org.springframework.", "Spring (web, transactions, beans)"},
            new String[] {"org.apache.catalina.", "Tomcat"},
            new String[] {"org.apache.coyote.", "Tomcat"},
            new String[] {"org.apache.tomcat.", "Tomcat"},
            new String[] {"org.thymeleaf.", "Thymeleaf"},
            new String[] {"org.apache.poi.", "Apache POI (documents)"},
            new String[] {"org.apache.xmlbeans.", "Apache POI (documents)"},
            new String[] {"ch.qos.logback.", "logging"},
            new String[] {"org.slf4j.", "logging"});

    private final Recording recording = new Recording();
    private final long appCpuBefore = appCpuNanos();
    private final long dbCpuBefore = ServerProcess.cpuNanos();
    private final long started = System.nanoTime();

    CpuProfile() {
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.enable("jdk.GarbageCollection");
        recording.start();
    }

    /** Per {@code units} of work (task completions): CPU milliseconds on each side, and the app's samples by library. */
    Map<String, Object> figures(long units) throws IOException {
        double wallMs = (System.nanoTime() - started) / 1e6;
        long appCpu = appCpuNanos() - appCpuBefore;
        long dbCpu = dbCpuBefore < 0 ? -1 : ServerProcess.cpuNanos() - dbCpuBefore;
        recording.stop();
        Path file = Files.createTempFile("bench-cpu-", ".jfr");
        try {
            recording.dump(file);
            Map<String, Integer> server = new TreeMap<>();
            Map<String, Integer> methods = new TreeMap<>();
            int serverSamples = 0;
            int clientSamples = 0;
            double gcPauseMs = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (event.getEventType().getName().equals("jdk.GarbageCollection")) {
                    gcPauseMs += event.getDuration("sumOfPauses").toNanos() / 1e6;
                    continue;
                }
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                String thread = event.getThread("sampledThread") == null ? ""
                        : String.valueOf(event.getThread("sampledThread").getJavaName());
                String library = library(event.getStackTrace().getFrames());
                if (thread.contains("exec-") || thread.startsWith("camunda")) {
                    serverSamples++;
                    server.merge(library, 1, Integer::sum);
                    methods.merge(method(event.getStackTrace().getFrames()), 1, Integer::sum);
                } else {
                    clientSamples++;
                }
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("wallSeconds", Stats.round(wallMs / 1000));
            figures.put("appJvmCpuMsPerUnit", Stats.round(appCpu / 1e6 / Math.max(1, units)));
            if (dbCpu >= 0) {
                figures.put("databaseServerCpuMsPerUnit", Stats.round(dbCpu / 1e6 / Math.max(1, units)));
            }
            figures.put("cpuMsAvailablePerUnit", Stats.round(wallMs * Runtime.getRuntime().availableProcessors()
                    / Math.max(1, units)));
            figures.put("gcPauseMsPerUnit", Stats.round(gcPauseMs / Math.max(1, units)));
            figures.put("serverSamples", serverSamples);
            figures.put("clientSamples", clientSamples);
            Map<String, Double> shares = new LinkedHashMap<>();
            int total = Math.max(1, serverSamples);
            server.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> shares.put(e.getKey(), Stats.round(100.0 * e.getValue() / total)));
            figures.put("serverSamplesByLibraryPercent", shares);
            Map<String, Double> top = new LinkedHashMap<>();
            methods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(20)
                    .forEach(e -> top.put(e.getKey(), Stats.round(100.0 * e.getValue() / total)));
            figures.put("serverSamplesTopMethodsPercent", top);
            return figures;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The innermost method outside the JDK, with the JDK method it was in ("a.B.c > java.…"). */
    static String method(List<RecordedFrame> frames) {
        String jdk = null;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String name = type + "." + frame.getMethod().getName();
            if (isJdk(type)) {
                jdk = jdk == null ? name : jdk;
                continue;
            }
            return jdk == null ? name : name + " > " + jdk;
        }
        return jdk == null ? "?" : jdk;
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.")
                || type.startsWith("jakarta.") || type.startsWith("com.sun.");
    }

    /** The library of the innermost frame outside the JDK; "JDK only" when every frame is the JDK's. */
    static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (isJdk(type)) {
                continue;
            }
            for (String[] library : LIBRARIES) {
                if (type.startsWith(library[0])) {
                    return library[1];
                }
            }
            return "other: " + type.substring(0, Math.max(0, type.indexOf('.', type.indexOf('.') + 1)));
        }
        return "JDK only (I/O, collections, reflection)";
    }

    private static long appCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    @Override
    public void close() {
        recording.close();
    }

    /** The local database server's CPU time from /proc (MariaDB's mariadbd or MySQL's mysqld); -1 when not found. */
    static final class ServerProcess {

        private ServerProcess() {
        }

        static long cpuNanos() {
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) processes::iterator) {
                    if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String comm;
                    try {
                        comm = Files.readString(dir.resolve("comm")).strip();
                    } catch (IOException e) {
                        continue;
                    }
                    if (comm.equals("mariadbd") || comm.equals("mysqld")) {
                        String stat = Files.readString(dir.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // utime and stime, fields 14 and 15 of stat, in clock ticks (USER_HZ, 100 on Linux)
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        return ticks * 10_000_000L;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }
    }
}

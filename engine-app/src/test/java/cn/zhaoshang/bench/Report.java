package cn.zhaoshang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The figures as JSON ({@code bench.json}), as a chart ({@code bench.svg}) and as a table with the targets. */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One figure of the table and chart: where it is in the JSON, and whether more is better. */
    private record Figure(String label, String[] path, boolean higherIsBetter, String unit) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("W1 task completions/s", new String[] {"W1", "taskCompletionsPerSecond"}, true, "/s"),
            new Figure("W1 projects/s", new String[] {"W1", "projectsPerSecond"}, true, "/s"),
            new Figure("W1 complete p95", new String[] {"W1", "latency", "task.complete Task_ConsentByCountyHead", "p95"}, false, "ms"),
            new Figure("W1 app JVM CPU per completion", new String[] {"W1", "cpuPerTaskCompletion", "appJvmCpuMsPerUnit"}, false, "ms"),
            new Figure("W1 database CPU per completion", new String[] {"W1", "cpuPerTaskCompletion", "databaseServerCpuMsPerUnit"}, false, "ms"),
            new Figure("W1 statements per completion", new String[] {"W1", "serverStatementsPerTaskCompletion", "Questions"}, false, ""),
            new Figure("W2 first page p95", new String[] {"W2", "latency", "待认领 page (list + tab counts)", "p95"}, false, "ms"),
            new Figure("W2 first page p50", new String[] {"W2", "latency", "待认领 page (list + tab counts)", "p50"}, false, "ms"),
            new Figure("W2 both lists p95", new String[] {"W2", "latency", "mine+group first page", "p95"}, false, "ms"),
            new Figure("W3 one node", new String[] {"W3_oneNode", "seconds"}, false, "s"),
            new Figure("W3 two nodes", new String[] {"W3_twoNodes", "seconds"}, false, "s"),
            new Figure("W4 commits/s", new String[] {"W4", "commitsPerSecond"}, true, "/s"),
            new Figure("W5 claim+complete/s", new String[] {"W5", "claimCompletePerSecond"}, true, "/s"),
            new Figure("W5 claim+complete p95", new String[] {"W5", "latency", "claim+complete", "p95"}, false, "ms"),
            new Figure("cold start (existing db)", new String[] {"coldStart", "existingDatabaseSeconds"}, false, "s"),
            new Figure("cold start (existing db, CDS)", new String[] {"coldStart", "existingDatabaseWithCdsSeconds"}, false, "s"),
            new Figure("cold start (empty db)", new String[] {"coldStart", "emptyDatabaseSeconds"}, false, "s"),
            new Figure("heap after GC under W1", new String[] {"heapUnderW1", "usedAfterFullGcMiB"}, false, "MiB"));

    /** Where the figure of the table with this label is in the JSON. */
    private static String[] path(String label) {
        return FIGURES.stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow().path();
    }


    private Report() {
    }

    static void write(Options options, Map<String, Object> report) throws IOException {
        JsonNode tree = JSON.valueToTree(report);
        report.put("targets", targets(tree));
        JSON.writeValue(options.out().resolve("bench.json").toFile(), report);
        Files.writeString(options.out().resolve("bench.svg"), svg(JSON.valueToTree(report)), StandardCharsets.UTF_8);
    }

    static Double figure(JsonNode tree, String setting, String[] path) {
        JsonNode node = tree.path("settings").path(setting);
        for (String step : path) {
            node = node.path(step);
        }
        return node.isNumber() ? node.asDouble() : null;
    }

    /** The targets of issue 7, each with the figures it compares and whether it holds. */
    static Map<String, Object> targets(JsonNode tree) {
        Map<String, Object> targets = new LinkedHashMap<>();
        Double completions = figure(tree, "tuned", path("W1 task completions/s"));
        Double commits = figure(tree, "tuned", path("W4 commits/s"));
        check(targets, "W1 task completions/s >= 0.5 x W4 commits/s", completions, commits == null ? null : 0.5 * commits, true);
        check(targets, "W2 p95 <= 50 ms (待认领 page: list + tab counts)", figure(tree, "tuned", path("W2 first page p95")), 50.0, false);
        check(targets, "W3 one node <= 60 s", figure(tree, "tuned", path("W3 one node")), 60.0, false);
        check(targets, "W3 two nodes <= 35 s", figure(tree, "tuned", path("W3 two nodes")), 35.0, false);
        for (String w3 : new String[] {"W3_oneNode", "W3_twoNodes"}) {
            JsonNode run = tree.path("settings").path("tuned").path(w3);
            if (!run.isMissingNode()) {
                boolean once = run.path("firedTwice").asLong(-1) == 0 && run.path("notFired").asLong(-1) == 0
                        && run.path("remindersRecorded").asLong() == run.path("timers").asLong();
                targets.put(w3 + " every timer exactly once", Map.of("holds", once, "recorded",
                        run.path("remindersRecorded").asLong(), "timers", run.path("timers").asLong(),
                        "firedTwice", run.path("firedTwice").asLong(), "notFired", run.path("notFired").asLong()));
            }
        }
        Double stockCompletions = figure(tree, "stock", path("W1 task completions/s"));
        check(targets, "W1 >= 2 x stock", completions, stockCompletions == null ? null : 2 * stockCompletions, true);
        Double stockP95 = figure(tree, "stock", path("W2 first page p95"));
        check(targets, "W2 >= 2 x stock (p95 <= stock / 2)", figure(tree, "tuned", path("W2 first page p95")),
                stockP95 == null ? null : stockP95 / 2, false);
        check(targets, "cold start <= 10 s (existing database)", figure(tree, "tuned", path("cold start (existing db)")), 10.0, false);
        check(targets, "cold start <= 10 s (existing database, CDS as docs/operations.md starts it)",
                figure(tree, "tuned", path("cold start (existing db, CDS)")), 10.0, false);
        Double peak = figure(tree, "tuned", new String[] {"heapUnderW1", "peakUsedMiB"});
        check(targets, "heap under W1 <= 512 MiB (peak used, -Xmx512m)", peak, 512.0, false);
        return targets;
    }

    private static void check(Map<String, Object> targets, String name, Double value, Double limit, boolean atLeast) {
        if (value == null || limit == null) {
            return;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("value", Stats.round(value));
        row.put("limit", Stats.round(limit));
        row.put("holds", atLeast ? value >= limit : value <= limit);
        targets.put(name, row);
    }

    /** Every timer fired exactly once, in every setting: what the benchmark checks besides measuring. */
    static boolean correct(Map<String, Object> report) {
        JsonNode tree = JSON.valueToTree(report);
        boolean correct = true;
        for (JsonNode setting : tree.path("settings")) {
            for (String w3 : new String[] {"W3_oneNode", "W3_twoNodes"}) {
                JsonNode run = setting.path(w3);
                if (!run.isMissingNode() && (run.path("firedTwice").asLong() != 0 || run.path("notFired").asLong() != 0
                        || run.path("failedJobs").asLong() != 0
                        || run.path("remindersRecorded").asLong() != run.path("timers").asLong())) {
                    System.out.println("WRONG: " + w3 + " did not fire every timer exactly once: " + run);
                    correct = false;
                }
            }
        }
        return correct;
    }

    static void print(Map<String, Object> report) {
        JsonNode tree = JSON.valueToTree(report);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nBenchmark on %s, scale %s, %s threads, %s cpus%n",
                tree.path("database").asText(), tree.path("scale").asText(), tree.path("threads").asText(),
                tree.path("machine").path("cpus").asText()));
        out.append(String.format(Locale.ROOT, "%-28s %12s %12s %8s%n", "figure", "tuned", "stock", "ratio"));
        for (Figure figure : FIGURES) {
            Double tuned = figure(tree, "tuned", figure.path());
            Double stock = figure(tree, "stock", figure.path());
            if (tuned == null && stock == null) {
                continue;
            }
            String ratio = tuned == null || stock == null || tuned == 0 || stock == 0 ? ""
                    : String.format(Locale.ROOT, "%.2fx", figure.higherIsBetter() ? tuned / stock : stock / tuned);
            out.append(String.format(Locale.ROOT, "%-28s %12s %12s %8s%n", figure.label(), show(tuned, figure.unit()),
                    show(stock, figure.unit()), ratio));
        }
        out.append(String.format("%nTargets (issue 7):%n"));
        tree.path("targets").fields().forEachRemaining(e -> out.append(String.format(Locale.ROOT, "  %-52s %s %s%n",
                e.getKey(), e.getValue().path("holds").asBoolean() ? "HOLDS" : "MISSED", e.getValue().toString())));
        System.out.println(out);
    }

    private static String show(Double value, String unit) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f %s", value, unit);
    }

    /** One small bar pair (tuned, stock) per figure, each on its own scale. */
    static String svg(JsonNode tree) {
        List<Figure> shown = new ArrayList<>();
        for (Figure figure : FIGURES) {
            if (figure(tree, "tuned", figure.path()) != null || figure(tree, "stock", figure.path()) != null) {
                shown.add(figure);
            }
        }
        int columns = 4;
        int cell = 220;
        int height = 190;
        int rows = (shown.size() + columns - 1) / columns;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", columns * cell, rows * height + 50));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"15\">招商引资审批系统 benchmark — %s, "
                + "scale %s, %s cpus — <tspan fill=\"#2f6fb0\">tuned (product)</tspan> vs <tspan fill=\"#b0702f\">stock "
                + "Camunda settings</tspan></text>%n", esc(tree.path("database").asText()), esc(tree.path("scale").asText()),
                tree.path("machine").path("cpus").asText()));
        for (int i = 0; i < shown.size(); i++) {
            Figure figure = shown.get(i);
            int x = (i % columns) * cell + 10;
            int y = (i / columns) * height + 45;
            Double tuned = figure(tree, "tuned", figure.path());
            Double stock = figure(tree, "stock", figure.path());
            double max = Math.max(tuned == null ? 0 : tuned, stock == null ? 0 : stock);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s%s</text>%n", x, y + 12,
                    esc(figure.label()), figure.higherIsBetter() ? " ↑" : " ↓"));
            bar(svg, x + 20, y + 25, tuned, max, "#2f6fb0", figure.unit());
            bar(svg, x + 110, y + 25, stock, max, "#b0702f", figure.unit());
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, int x, int top, Double value, double max, String colour, String unit) {
        int full = 120;
        if (value == null) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">–</text>%n", x + 20, top + full));
            return;
        }
        int h = max <= 0 ? 0 : (int) Math.round(full * value / max);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"60\" height=\"%d\" fill=\"%s\"/>%n",
                x, top + full - h, Math.max(h, 1), colour));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.1f %s</text>%n", x, top + full + 15, value,
                esc(unit)));
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

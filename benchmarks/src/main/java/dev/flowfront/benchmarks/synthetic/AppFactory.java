package dev.flowfront.benchmarks.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates one app and its flow from a random source: the layout covers a varying subset of the
 * stages, the form has 3 to 20 inputs, the Markdown blocks add up to 1 to 3 KB and hold expressions
 * over inputs, task outputs, the execution and the app URL.
 */
final class AppFactory {

    private static final String CORE = "io.kestra.plugin.ee.apps.core.blocks.";
    private static final String EXECUTION = "io.kestra.plugin.ee.apps.execution.blocks.";
    private static final List<String> BUTTON_STYLES =
            List.of("DEFAULT", "SUCCESS", "INFO", "WARNING", "DANGER");

    private AppFactory() {}

    /**
     * Creates app number {@code index}. Every tenth app is self-contained (see {@link
     * SyntheticApp#selfContained()}) so that browser benchmarks can run it without typing.
     */
    static SyntheticApp create(SplittableRandom random, int index) {
        boolean selfContained = index % 10 == 0;
        String namespace = Words.pick(random, Words.NAMESPACES);
        String verb = Words.pick(random, Words.VERBS);
        String noun = Words.pick(random, Words.NOUNS);
        String suffix = String.format("%05d", index);
        String appId = verb + "_" + noun + "_app_" + suffix;
        String flowId = verb + "_" + noun + "_" + suffix;
        String displayName =
                Words.capitalize(verb) + " a " + Words.pick(random, Words.ADJECTIVES) + " " + noun;
        List<SyntheticInput> inputs =
                InputFactory.create(random, 3 + random.nextInt(18), selfContained);
        int returnTasks = 1 + random.nextInt(3);
        boolean pause = !selfContained && random.nextInt(3) == 0;
        List<String> stages = stages(random, pause);
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String tag = Words.pick(random, Words.TEAMS);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        String thumbnail =
                random.nextInt(10) < 3
                        ? "thumbnails/" + namespace.replace('.', '-') + ".svg"
                        : null;

        Layout layout = new Layout(random, inputs, returnTasks, stages);
        YamlText app = new YamlText();
        app.plain(0, "id", appId);
        app.plain(0, "type", "io.kestra.plugin.ee.apps.Execution");
        app.quoted(0, "displayName", displayName);
        app.quoted(0, "description", Words.sentence(random));
        app.plain(0, "namespace", namespace);
        app.plain(0, "flowId", flowId);
        access(random, app);
        if (!tags.isEmpty()) {
            app.line(0, "tags:");
            tags.forEach(tag -> app.line(2, "- " + YamlText.quote(tag)));
        }
        if (thumbnail != null) {
            app.quoted(0, "thumbnail", "nsfiles:///" + thumbnail);
        }
        app.blank().line(0, "layout:");
        layout.writeTo(app);

        String flowYaml = flow(random, namespace, flowId, inputs, returnTasks, pause);
        return new SyntheticApp(
                namespace,
                appId,
                flowId,
                displayName,
                List.copyOf(tags),
                app.toString(),
                flowYaml,
                layout.markdown(),
                inputs,
                stages,
                selfContained,
                thumbnail);
    }

    private static List<String> stages(SplittableRandom random, boolean pause) {
        List<String> stages = new ArrayList<>();
        stages.add("OPEN");
        addSometimes(random, stages, "CREATED", 75);
        addSometimes(random, stages, "RUNNING", 80);
        if (pause) {
            stages.add("PAUSE");
            addSometimes(random, stages, "RESUME", 75);
        }
        addSometimes(random, stages, "SUCCESS", 95);
        addSometimes(random, stages, "FAILURE", 75);
        addSometimes(random, stages, "FALLBACK", 60);
        return stages;
    }

    private static void addSometimes(
            SplittableRandom random, List<String> stages, String stage, int percent) {
        if (random.nextInt(100) < percent) {
            stages.add(stage);
        }
    }

    private static void access(SplittableRandom random, YamlText app) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            app.plain(0, "access", "PUBLIC");
        } else if (kind < 8) {
            app.plain(0, "access", "PRIVATE");
        } else {
            app.line(0, "access:");
            app.plain(2, "type", "PRIVATE");
            app.plain(2, "catalog", true);
            app.line(2, "groups:");
            app.line(4, "- " + YamlText.quote(Words.pick(random, Words.TEAMS)));
        }
    }

    private static String flow(
            SplittableRandom random,
            String namespace,
            String flowId,
            List<SyntheticInput> inputs,
            int returnTasks,
            boolean pause) {
        YamlText flow = new YamlText();
        flow.plain(0, "id", flowId);
        flow.plain(0, "namespace", namespace);
        flow.quoted(0, "description", Words.sentence(random));
        flow.blank().line(0, "inputs:");
        for (SyntheticInput input : inputs) {
            input.writeTo(flow, 2);
            flow.blank();
        }
        flow.line(0, "tasks:");
        flow.line(2, "- id: log_start");
        flow.plain(4, "type", "io.kestra.plugin.core.log.Log");
        flow.quoted(4, "message", "Started with {{ inputs." + inputs.get(0).id() + " }}");
        for (int i = 1; i <= returnTasks; i++) {
            SyntheticInput source = inputs.get(random.nextInt(inputs.size()));
            flow.line(2, "- id: compute_" + i);
            flow.plain(4, "type", "io.kestra.plugin.core.debug.Return");
            flow.quoted(
                    4,
                    "format",
                    Words.pick(random, Words.VERBS) + " {{ inputs." + source.id() + " }}");
        }
        if (pause) {
            flow.line(2, "- id: wait_for_approval");
            flow.plain(4, "type", "io.kestra.plugin.core.flow.Pause");
            flow.line(4, "onResume:");
            flow.line(6, "- id: approved");
            flow.plain(8, "type", "BOOL");
            flow.plain(8, "defaults", true);
            flow.quoted(8, "displayName", "Approve the request");
            for (int i = random.nextInt(3); i > 0; i--) {
                flow.line(6, "- id: note_" + i);
                flow.plain(8, "type", "STRING");
                flow.quoted(8, "displayName", Words.capitalize(Words.phrase(random, 2)));
                flow.plain(8, "required", false);
            }
        }
        flow.line(2, "- id: log_end");
        flow.plain(4, "type", "io.kestra.plugin.core.log.Log");
        flow.quoted(4, "message", "Finished with {{ outputs.compute_1.value }}");
        flow.blank().line(0, "outputs:");
        flow.line(2, "- id: result");
        flow.plain(4, "type", "STRING");
        flow.quoted(4, "value", "{{ outputs.compute_1.value }}");
        return flow.toString();
    }

    /** The layout of one app; keeps the Markdown it writes for the Hugo comparison. */
    private static final class Layout {
        private final SplittableRandom random;
        private final List<SyntheticInput> inputs;
        private final int returnTasks;
        private final List<String> stages;
        private final List<String> markdown = new ArrayList<>();
        private final int markdownBudget;

        Layout(
                SplittableRandom random,
                List<SyntheticInput> inputs,
                int returnTasks,
                List<String> stages) {
            this.random = random;
            this.inputs = inputs;
            this.returnTasks = returnTasks;
            this.stages = stages;
            this.markdownBudget = 1024 + random.nextInt(1600);
        }

        List<String> markdown() {
            return List.copyOf(markdown);
        }

        void writeTo(YamlText app) {
            // OPEN gets a larger share: it is the page users read before they submit.
            int openShare = markdownBudget * 2 / 5;
            int otherShare = (markdownBudget - openShare) / Math.max(1, stages.size() - 1);
            for (String stage : stages) {
                app.line(2, "- on: " + stage);
                app.line(4, "blocks:");
                // Each text overshoots its target by half a sentence on average.
                int share = Math.max(60, (stage.equals("OPEN") ? openShare : otherShare) - 60);
                switch (stage) {
                    case "OPEN" -> open(app, share);
                    case "CREATED" -> created(app, share);
                    case "RUNNING" -> running(app, share);
                    case "PAUSE" -> pause(app, share);
                    case "RESUME" -> resume(app, share);
                    case "SUCCESS" -> success(app, share);
                    case "FAILURE" -> failure(app, share);
                    default -> markdown(app, share, List.of());
                }
                app.blank();
            }
        }

        private void open(YamlText app, int share) {
            List<String> expressions = random.nextBoolean() ? List.of(input()) : List.<String>of();
            markdown(app, share, expressions);
            if (random.nextInt(10) < 3) {
                block(app, CORE, "Alert");
                app.plain(8, "style", "INFO");
                app.plain(8, "showIcon", true);
                app.quoted(8, "content", Words.sentence(random));
            }
            block(app, EXECUTION, "CreateExecutionForm");
            block(app, EXECUTION, "CreateExecutionButton");
            app.quoted(8, "text", Words.capitalize(Words.pick(random, Words.VERBS)));
            app.plain(8, "style", Words.pick(random, BUTTON_STYLES));
        }

        private void created(YamlText app, int share) {
            markdown(app, share, List.of(input(), "{{ execution.id }}"));
            if (random.nextBoolean()) {
                block(app, CORE, "Loading");
            }
            block(app, CORE, "AutoRefresh");
        }

        private void running(YamlText app, int share) {
            markdown(app, share, List.of());
            block(app, CORE, "Loading");
            block(app, EXECUTION, "Logs");
            if (random.nextBoolean()) {
                app.line(8, "filter:");
                app.plain(10, "logLevel", "INFO");
                app.line(10, "taskIds: ['log_start', 'log_end']");
            }
            block(app, EXECUTION, "CancelExecutionButton");
            app.quoted(8, "text", "Cancel");
            app.plain(8, "style", "WARNING");
        }

        private void pause(YamlText app, int share) {
            markdown(app, share, List.of(input()));
            block(app, EXECUTION, "Inputs");
            if (random.nextBoolean()) {
                taskOutputs(app);
            }
            block(app, EXECUTION, "ResumeExecutionForm");
            block(app, EXECUTION, "ResumeExecutionButton");
            app.quoted(8, "text", "Approve");
            app.plain(8, "style", "SUCCESS");
            block(app, EXECUTION, "CancelExecutionButton");
            app.quoted(8, "text", "Reject");
            app.plain(8, "style", "DANGER");
        }

        private void resume(YamlText app, int share) {
            markdown(app, share, List.of());
            block(app, CORE, "AutoRefresh");
        }

        private void success(YamlText app, int share) {
            markdown(app, share, List.of(taskOutput(), "{{ app.url }}"));
            block(app, EXECUTION, "Inputs");
            if (random.nextBoolean()) {
                app.line(8, "filter:");
                app.line(10, "include:");
                app.line(12, "- " + inputs.get(0).id());
            }
            block(app, EXECUTION, "Outputs");
            if (random.nextInt(3) == 0) {
                taskOutputs(app);
            }
            if (random.nextBoolean()) {
                block(app, CORE, "Divider");
            }
            if (random.nextInt(5) == 0) {
                block(app, CORE, "Table");
                app.line(8, "data:");
                for (int i = 1; i <= 3; i++) {
                    app.line(10, "- name: " + YamlText.quote(Words.pick(random, Words.NOUNS)));
                    app.plain(12, "count", random.nextInt(100));
                }
            }
            block(app, CORE, "Button");
            app.quoted(8, "text", "Start again");
            app.quoted(8, "url", "{{ app.url }}");
            app.plain(8, "style", "DEFAULT");
        }

        private void failure(YamlText app, int share) {
            markdown(app, share, List.of("{{ execution.id }}"));
            block(app, CORE, "Alert");
            app.plain(8, "style", "WARNING");
            app.plain(8, "showIcon", true);
            app.quoted(8, "content", Words.sentence(random));
            block(app, EXECUTION, "Stacktrace");
            block(app, CORE, "Button");
            app.quoted(8, "text", "Contact support");
            app.quoted(8, "url", "https://example.com/support");
            app.plain(8, "style", "INFO");
        }

        private void taskOutputs(YamlText app) {
            block(app, EXECUTION, "TaskOutputs");
            app.line(8, "outputs:");
            app.line(
                    10,
                    "- displayName: " + YamlText.quote(Words.capitalize(Words.phrase(random, 2))));
            app.plain(12, "type", "STRING");
            app.quoted(12, "value", taskOutput());
        }

        private void markdown(YamlText app, int share, List<String> expressions) {
            String content = MarkdownText.generate(random, 2, share, expressions);
            markdown.add(content);
            block(app, CORE, "Markdown");
            app.literal(8, "content", content);
        }

        private static void block(YamlText app, String pkg, String name) {
            app.line(6, "- type: " + pkg + name);
        }

        private String input() {
            return "{{ inputs." + inputs.get(random.nextInt(inputs.size())).id() + " }}";
        }

        private String taskOutput() {
            return "{{ outputs.compute_" + (1 + random.nextInt(returnTasks)) + ".value }}";
        }
    }
}

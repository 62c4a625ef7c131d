package dev.flowfront.generator.definition;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The block types an app layout may use, with the YAML keys each accepts (besides {@code type}) and
 * the stages it may appear on.
 */
public enum BlockType {
    /** Markdown text. Keys: {@code content}. */
    MARKDOWN("Markdown", List.of("content"), Stages.ANY),
    /**
     * A message box. Keys: {@code content}, {@code style} (SUCCESS, INFO, WARNING, ERROR), {@code
     * showIcon}.
     */
    ALERT("Alert", List.of("content", "style", "showIcon"), Stages.ANY),
    /** A link styled as a button. Keys: {@code text}, {@code url}, {@code style}, {@code size}. */
    BUTTON("Button", List.of("text", "url", "style", "size"), Stages.ANY),
    /** A busy indicator. No keys. */
    LOADING("Loading", List.of(), Stages.ANY),
    /** Keeps the page following the execution. No keys. */
    AUTO_REFRESH("AutoRefresh", List.of(), Stages.ANY),
    /**
     * Sends the browser to another URL after a delay. Keys: {@code url}, {@code delay} (ISO-8601
     * duration).
     */
    REDIRECT_TO("RedirectTo", List.of("url", "delay"), Stages.ANY),
    /** An image. Keys: {@code url}, {@code altText}. */
    IMAGE("Image", List.of("url", "altText"), Stages.ANY),
    /** A horizontal rule. No keys. */
    DIVIDER("Divider", List.of(), Stages.ANY),
    /** The error of a failed task run. No keys. */
    STACKTRACE("Stacktrace", List.of(), Stages.WITH_EXECUTION),
    /** A table of rows. Keys: {@code data} (a list of maps, one per row). */
    TABLE("Table", List.of("data"), Stages.ANY),
    /** The form of the flow's inputs. No keys. */
    CREATE_EXECUTION_FORM("CreateExecutionForm", List.of(), EnumSet.of(Stage.OPEN)),
    /** Submits the form. Keys: {@code text}, {@code style}, {@code size}. */
    CREATE_EXECUTION_BUTTON(
            "CreateExecutionButton", List.of("text", "style", "size"), EnumSet.of(Stage.OPEN)),
    /** The form of the paused task's {@code onResume} inputs. No keys. */
    RESUME_EXECUTION_FORM("ResumeExecutionForm", List.of(), EnumSet.of(Stage.PAUSE)),
    /** Resumes the paused execution. Keys: {@code text}, {@code style}, {@code size}. */
    RESUME_EXECUTION_BUTTON(
            "ResumeExecutionButton", List.of("text", "style", "size"), EnumSet.of(Stage.PAUSE)),
    /** Kills the execution. Keys: {@code text}, {@code style}, {@code size}. */
    CANCEL_EXECUTION_BUTTON(
            "CancelExecutionButton",
            List.of("text", "style", "size"),
            EnumSet.of(Stage.CREATED, Stage.RUNNING, Stage.PAUSE, Stage.RESUME, Stage.FALLBACK)),
    /**
     * The execution's inputs. Keys: {@code filter} with {@code include} and {@code exclude} lists.
     */
    INPUTS("Inputs", List.of("filter"), Stages.WITH_EXECUTION),
    /**
     * The execution's outputs. Keys: {@code filter} with {@code include} and {@code exclude} lists.
     */
    OUTPUTS("Outputs", List.of("filter"), Stages.WITH_EXECUTION),
    /** The execution's logs. Keys: {@code filter} with {@code logLevel} and {@code taskIds}. */
    LOGS("Logs", List.of("filter"), Stages.WITH_EXECUTION),
    /**
     * Values of task outputs. Keys: {@code outputs}, a list of {@code displayName}, {@code type},
     * {@code value}.
     */
    TASK_OUTPUTS("TaskOutputs", List.of("outputs"), Stages.WITH_EXECUTION);

    /** Packages under which Kestra has published app blocks; any of them names any block. */
    public static final List<String> PACKAGES =
            List.of(
                    "io.kestra.plugin.ee.apps.core.blocks",
                    "io.kestra.plugin.ee.apps.execution.blocks",
                    "io.kestra.plugin.ee.apps.blocks",
                    "io.kestra.ee.apps.blocks");

    /** Names used by older Kestra releases, mapped to the current type. */
    public static final Map<String, BlockType> DEPRECATED_NAMES =
            Map.of(
                    "ExecutionInputs", INPUTS,
                    "ExecutionOutputs", OUTPUTS,
                    "ExecutionLogs", LOGS,
                    "FlowResumeForm", RESUME_EXECUTION_FORM,
                    "FlowResumeButton", RESUME_EXECUTION_BUTTON,
                    "FlowCancelButton", CANCEL_EXECUTION_BUTTON);

    /** Values accepted by the {@code style} key of buttons. */
    public static final List<String> BUTTON_STYLES =
            List.of("DEFAULT", "SUCCESS", "INFO", "WARNING", "DANGER");

    /** Values accepted by the {@code size} key of buttons; MEDIUM is the same as DEFAULT. */
    public static final List<String> BUTTON_SIZES = List.of("DEFAULT", "SMALL", "MEDIUM", "LARGE");

    /** Values accepted by the {@code style} key of an Alert. */
    public static final List<String> ALERT_STYLES = List.of("SUCCESS", "INFO", "WARNING", "ERROR");

    private final String simpleName;
    private final List<String> keys;
    private final Set<Stage> stages;

    BlockType(String simpleName, List<String> keys, Set<Stage> stages) {
        this.simpleName = simpleName;
        this.keys = keys;
        this.stages = stages;
    }

    /** The name Kestra documents, without a package: {@code Markdown}, {@code Logs}. */
    public String simpleName() {
        return simpleName;
    }

    /** The YAML keys this block accepts besides {@code type}. */
    public List<String> keys() {
        return keys;
    }

    public boolean allowedOn(Stage stage) {
        return stages.contains(stage);
    }

    public Set<Stage> stages() {
        return stages;
    }

    /** Finds a current type by its simple name. */
    public static Optional<BlockType> bySimpleName(String name) {
        return Arrays.stream(values()).filter(type -> type.simpleName.equals(name)).findFirst();
    }

    /** Every current simple name, in declaration order, for messages. */
    public static List<String> simpleNames() {
        return Arrays.stream(values()).map(BlockType::simpleName).toList();
    }

    private static final class Stages {
        static final Set<Stage> ANY = EnumSet.allOf(Stage.class);
        static final Set<Stage> WITH_EXECUTION = EnumSet.complementOf(EnumSet.of(Stage.OPEN));
    }
}

package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.definition.TaskDefinition;
import dev.flowfront.generator.expression.ExpressionCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks loaded apps and flows against each other and against what the runtime and Kestra accept,
 * adding every mistake found to a {@link ProblemCollector} as an ERROR or WARNING located at
 * file:line:column.
 *
 * <pre>{@code
 * ProblemCollector problems = new ProblemCollector();
 * new SiteValidator().validate(apps, flows, problems);
 * if (problems.hasErrors()) { ... report problems.sorted() ... }
 * }</pre>
 *
 * <p>Structural mistakes (unknown keys, wrong kinds, unknown block types) are the loaders' job;
 * this class checks meaning: flow references, stages, expressions, property values and input
 * definitions. It rereads app and flow files only to locate errors inside multi-character values.
 * Apps and flows can also be validated one at a time, in parallel: see {@link #validateApp} and
 * {@link #validateFlow}. An instance is thread-safe when its compiler is, which {@link
 * ExpressionCompiler} is.
 */
public final class SiteValidator {

    private final ExpressionCompiler compiler;

    public SiteValidator() {
        this(new ExpressionCompiler());
    }

    public SiteValidator(ExpressionCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * Validates the apps and the flows they use. A flow that no app uses is not part of the site,
     * so its inputs are not checked. Problems are added in a fixed order: the duplicate checks,
     * then each app in the order of {@link AppDefinition#location()}, then each flow in list order.
     * A build that validates parts in parallel keeps that order.
     */
    public void validate(
            List<AppDefinition> apps, List<FlowDefinition> flows, ProblemCollector problems) {
        FlowResolver resolver = new FlowResolver(flows);
        checkDuplicates(apps, flows, problems);
        List<AppDefinition> sortedApps = new ArrayList<>(apps);
        sortedApps.sort(Comparator.comparing(AppDefinition::location));
        for (AppDefinition app : sortedApps) {
            Optional<FlowDefinition> flow = resolver.resolve(app, problems);
            validateApp(app, flow, problems);
        }
        Set<String> usedFlows = new HashSet<>();
        apps.forEach(app -> usedFlows.add(app.flowKey()));
        for (FlowDefinition flow : flows) {
            if (usedFlows.contains(flow.qualifiedId())) {
                validateFlow(flow, problems);
            }
        }
    }

    /**
     * Reports two apps with one namespace and id, and two files that declare one flow. The checks
     * read only the ids, namespaces and locations of the definitions.
     */
    public void checkDuplicates(
            List<AppDefinition> apps, List<FlowDefinition> flows, ProblemCollector problems) {
        new DuplicateAppRule().check(apps, problems);
        new DuplicateFlowRule().check(flows, problems);
    }

    /**
     * Validates one app against the flow it drives.
     *
     * @param flow the flow {@link FlowResolver#resolve} found, or empty when it reported none
     */
    public void validateApp(
            AppDefinition app, Optional<FlowDefinition> flow, ProblemCollector problems) {
        SourceText sourceText = new SourceText(files(app, flow));
        new BlockStageRule().check(app, problems);
        new BlockPropertyRule().check(app, problems);
        List<CompiledField> fields =
                new AppExpressions(compiler, sourceText).compile(app, problems);
        new UrlSchemeRule(sourceText).check(fields, problems);
        if (flow.isPresent()) {
            new TaskReferenceRule(sourceText).check(flow.get(), fields, problems);
            new PauseTaskRule().check(app, flow.get(), problems);
            new FilterReferenceRule().check(app, flow.get(), problems);
        }
    }

    /** Validates the input definitions of a flow and of the {@code onResume} of its tasks. */
    public void validateFlow(FlowDefinition flow, ProblemCollector problems) {
        SourceText sourceText = new SourceText(Map.of(flow.displayPath(), flow.file()));
        for (InputList list : inputLists(flow)) {
            validateInputs(list, sourceText, problems);
        }
    }

    private void validateInputs(InputList list, SourceText sourceText, ProblemCollector problems) {
        new InputDefinitionRule().check(list, problems);
        new DependsOnRule().check(list, problems);
        new ConditionRule(compiler, sourceText).check(list, problems);
    }

    /** Lists the flow's inputs, then the {@code onResume} inputs of each pausing task. */
    private static List<InputList> inputLists(FlowDefinition flow) {
        String owner = "flow '" + flow.qualifiedId() + "'";
        List<InputList> lists = new ArrayList<>();
        lists.add(new InputList(flow.inputs(), owner));
        flow.allTasks()
                .filter(task -> !task.onResume().isEmpty())
                .forEach(task -> lists.add(new InputList(task.onResume(), taskOwner(task, owner))));
        return lists;
    }

    private static String taskOwner(TaskDefinition task, String flowOwner) {
        return "task '" + task.id() + "' of " + flowOwner;
    }

    private static Map<String, Path> files(AppDefinition app, Optional<FlowDefinition> flow) {
        Map<String, Path> files = new HashMap<>();
        files.put(app.displayPath(), app.file());
        flow.ifPresent(definition -> files.put(definition.displayPath(), definition.file()));
        return files;
    }
}

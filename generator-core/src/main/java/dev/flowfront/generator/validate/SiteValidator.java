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
 * An instance is thread-safe when its compiler is, which {@link ExpressionCompiler} is.
 */
public final class SiteValidator {

    private final ExpressionCompiler compiler;

    public SiteValidator() {
        this(new ExpressionCompiler());
    }

    public SiteValidator(ExpressionCompiler compiler) {
        this.compiler = compiler;
    }

    /** Validates the apps and the flows they use, adding problems in any order. */
    public void validate(
            List<AppDefinition> apps, List<FlowDefinition> flows, ProblemCollector problems) {
        SourceText sourceText = new SourceText(files(apps, flows));
        FlowReferenceRule flowReferences = new FlowReferenceRule(new FlowIndex(flows));

        new DuplicateAppRule().check(apps, problems);
        new DuplicateFlowRule().check(flows, problems);
        List<AppDefinition> sortedApps = new ArrayList<>(apps);
        sortedApps.sort(Comparator.comparing(AppDefinition::location));
        for (AppDefinition app : sortedApps) {
            Optional<FlowDefinition> flow = flowReferences.resolve(app, problems);
            validateApp(app, flow, sourceText, problems);
        }
        // Flows that no app uses are not part of the site, so their inputs are not checked.
        Set<String> usedFlows = new HashSet<>();
        apps.forEach(app -> usedFlows.add(app.flowKey()));
        for (FlowDefinition flow : flows) {
            if (!usedFlows.contains(flow.qualifiedId())) {
                continue;
            }
            for (InputList list : inputLists(flow)) {
                validateInputs(list, sourceText, problems);
            }
        }
    }

    private void validateApp(
            AppDefinition app,
            Optional<FlowDefinition> flow,
            SourceText sourceText,
            ProblemCollector problems) {
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

    private static Map<String, Path> files(List<AppDefinition> apps, List<FlowDefinition> flows) {
        Map<String, Path> files = new HashMap<>();
        apps.forEach(app -> files.put(app.displayPath(), app.file()));
        flows.forEach(flow -> files.put(flow.displayPath(), flow.file()));
        return files;
    }
}

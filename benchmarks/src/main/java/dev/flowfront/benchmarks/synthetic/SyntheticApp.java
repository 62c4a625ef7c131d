package dev.flowfront.benchmarks.synthetic;

import java.util.List;

/**
 * One generated app with the flow it runs.
 *
 * @param namespace the namespace of both
 * @param appId the app id
 * @param flowId the flow id
 * @param displayName the app's title
 * @param tags the app's tags
 * @param appYaml the App definition
 * @param flowYaml the flow definition
 * @param markdown the content of the app's Markdown blocks, in layout order
 * @param inputs the flow's inputs
 * @param stages the stages the layout covers, in layout order
 * @param selfContained whether an execution can start from the untouched form and runs to the end
 *     without a pause
 * @param thumbnail the namespace file the app uses as thumbnail, or null
 */
public record SyntheticApp(
        String namespace,
        String appId,
        String flowId,
        String displayName,
        List<String> tags,
        String appYaml,
        String flowYaml,
        List<String> markdown,
        List<SyntheticInput> inputs,
        List<String> stages,
        boolean selfContained,
        String thumbnail) {

    /** The app page's path below the site root, as the compiler lays out the site. */
    public String pagePath() {
        return "apps/" + namespace + "/" + appId + "/index.html";
    }

    /** Total size of the Markdown blocks in UTF-8 bytes. */
    public int markdownBytes() {
        return markdown.stream().mapToInt(text -> text.getBytes().length).sum();
    }
}

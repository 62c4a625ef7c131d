package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reports two apps with the same id in one namespace, which would write the same page. */
final class DuplicateAppRule {

    void check(List<AppDefinition> apps, ProblemCollector problems) {
        Map<String, AppDefinition> first = new HashMap<>();
        List<AppDefinition> byLocation = new ArrayList<>(apps);
        byLocation.sort(Comparator.comparing(AppDefinition::location));
        for (AppDefinition app : byLocation) {
            String key = app.namespace() + "/" + app.id();
            AppDefinition earlier = first.putIfAbsent(key, app);
            if (earlier == null) {
                continue;
            }
            problems.error(
                    app.source().valueLocation("id"),
                    "app id '"
                            + app.id()
                            + "' is already used in namespace '"
                            + app.namespace()
                            + "' by "
                            + earlier.source().valueLocation("id"),
                    "Give one of the apps another id. They are defined at "
                            + earlier.source().valueLocation("id")
                            + " and "
                            + app.source().valueLocation("id"));
        }
    }
}

package dev.flowfront.generator.definition;

import java.util.List;

/**
 * Who may use an app. In YAML either a bare {@code PUBLIC}/{@code PRIVATE} or a map with {@code
 * type}, {@code catalog} and {@code groups}.
 *
 * @param type PUBLIC or PRIVATE
 * @param catalog whether the catalog lists the app; Kestra's default is true
 * @param groups Kestra groups that may use a PRIVATE app; enforced by Kestra's RBAC, not here
 */
public record Access(Type type, boolean catalog, List<String> groups) {

    /** The access type. */
    public enum Type {
        PUBLIC,
        PRIVATE
    }

    /** Kestra's default when {@code access} is absent. */
    public static final Access DEFAULT = new Access(Type.PRIVATE, true, List.of());

    public Access {
        groups = List.copyOf(groups);
    }
}

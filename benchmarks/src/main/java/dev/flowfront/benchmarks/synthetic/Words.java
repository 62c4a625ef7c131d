package dev.flowfront.benchmarks.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/** Word lists and random picks for readable synthetic text. */
final class Words {

    static final List<String> NOUNS =
            List.of(
                    "request",
                    "report",
                    "budget",
                    "server",
                    "account",
                    "invoice",
                    "dataset",
                    "pipeline",
                    "approval",
                    "ticket",
                    "cluster",
                    "customer",
                    "order",
                    "license",
                    "vendor",
                    "backup",
                    "schedule",
                    "incident",
                    "release",
                    "survey",
                    "contract",
                    "project",
                    "region",
                    "warehouse",
                    "partner",
                    "payment",
                    "shipment",
                    "policy");

    static final List<String> VERBS =
            List.of(
                    "submit",
                    "review",
                    "approve",
                    "provision",
                    "export",
                    "validate",
                    "schedule",
                    "refresh",
                    "archive",
                    "publish",
                    "migrate",
                    "notify",
                    "compute",
                    "reconcile");

    static final List<String> ADJECTIVES =
            List.of(
                    "monthly",
                    "urgent",
                    "regional",
                    "internal",
                    "shared",
                    "secure",
                    "quarterly",
                    "temporary",
                    "default",
                    "critical",
                    "optional",
                    "detailed",
                    "annual",
                    "new");

    static final List<String> TEAMS =
            List.of(
                    "Platform Team",
                    "Finance",
                    "Data Engineering",
                    "Infrastructure",
                    "HR",
                    "Sales Ops",
                    "Security",
                    "Support",
                    "Marketing",
                    "Legal");

    static final List<String> NAMESPACES =
            List.of(
                    "company.team",
                    "company.it",
                    "company.finance",
                    "company.hr",
                    "company.analytics",
                    "company.infra",
                    "company.sales",
                    "company.security",
                    "acme.ops",
                    "acme.data",
                    "acme.support",
                    "acme.marketing");

    /** The order words take in a phrase: adjective, noun, verb, then again. */
    private static final List<List<String>> WORD_CLASSES = List.of(ADJECTIVES, NOUNS, VERBS);

    private Words() {}

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Returns a lower-case phrase of {@code count} words, such as {@code urgent server review}. */
    static String phrase(SplittableRandom random, int count) {
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                phrase.append(' ');
            }
            phrase.append(pick(random, WORD_CLASSES.get(i % WORD_CLASSES.size())));
        }
        return phrase.toString();
    }

    /** Returns a sentence of 8 to 18 words, capitalized and ending with a period. */
    static String sentence(SplittableRandom random) {
        String words = phrase(random, 8 + random.nextInt(11));
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
    }

    static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

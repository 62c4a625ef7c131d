package dev.flowfront.benchmarks.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Creates flow inputs of every type a form renders, with the properties real flows use. */
final class InputFactory {

    /** Every input type the generator writes; each project of 10 or more apps uses all of them. */
    static final List<String> TYPES =
            List.of(
                    "STRING",
                    "INT",
                    "FLOAT",
                    "BOOL",
                    "SELECT",
                    "MULTISELECT",
                    "DATE",
                    "DATETIME",
                    "TIME",
                    "DURATION",
                    "FILE",
                    "JSON",
                    "EMAIL",
                    "ARRAY",
                    "URI",
                    "YAML",
                    "SECRET");

    private InputFactory() {}

    /**
     * Creates {@code count} inputs. When {@code selfContained} is set every input has a default or
     * is optional, so that an execution can start from an untouched form.
     */
    static List<SyntheticInput> create(SplittableRandom random, int count, boolean selfContained) {
        List<SyntheticInput> inputs = new ArrayList<>(count);
        // Start at a random type so that apps with few inputs still cover every type overall.
        int offset = random.nextInt(TYPES.size());
        SyntheticInput select = null;
        for (int i = 0; i < count; i++) {
            String type = TYPES.get((offset + i) % TYPES.size());
            boolean dependent = select != null && random.nextInt(5) == 0;
            SyntheticInput input =
                    create(random, type, i, selfContained, dependent ? select : null);
            if (type.equals("SELECT") && select == null) {
                select = input;
            }
            inputs.add(input);
        }
        return inputs;
    }

    private static SyntheticInput create(
            SplittableRandom random,
            String type,
            int index,
            boolean selfContained,
            SyntheticInput parent) {
        String noun = Words.pick(random, Words.NOUNS);
        String id = type.toLowerCase() + "_" + noun + "_" + index;
        String label = Words.capitalize(Words.pick(random, Words.ADJECTIVES) + " " + noun);
        String description = Words.sentence(random);
        // A page never shows a SECRET's default and cannot prefill a FILE, so in self-contained
        // apps both are optional.
        boolean unfilled = type.equals("FILE") || (selfContained && type.equals("SECRET"));
        boolean withDefault = !unfilled && (selfContained || random.nextBoolean());
        boolean required = !unfilled;
        List<String> properties = new ArrayList<>();
        String defaultValue = null;
        List<String> options = options(random);
        switch (type) {
            case "STRING" -> {
                if (random.nextBoolean()) {
                    properties.add("validator: " + YamlText.quote("^[A-Za-z0-9 ._-]{1,80}$"));
                }
                defaultValue = YamlText.quote(Words.phrase(random, 2).replace(' ', '-'));
            }
            case "INT" -> {
                int max = 10 + random.nextInt(1000);
                properties.add("min: 0");
                properties.add("max: " + max);
                defaultValue = Integer.toString(random.nextInt(max));
            }
            case "FLOAT" -> {
                properties.add("min: 0.0");
                properties.add("max: 100.0");
                defaultValue = String.format(Locale.ROOT, "%.2f", random.nextDouble() * 100);
            }
            case "BOOL" -> defaultValue = Boolean.toString(random.nextBoolean());
            case "SELECT" -> {
                properties.add("values: " + YamlText.quotedList(options));
                if (random.nextInt(3) == 0) {
                    properties.add("allowCustomValue: true");
                }
                if (random.nextInt(4) == 0) {
                    properties.add("isRadio: true");
                }
                defaultValue = YamlText.quote(options.get(0));
            }
            case "MULTISELECT" -> {
                properties.add("values: " + YamlText.quotedList(options));
                defaultValue = YamlText.quotedList(options.subList(0, 1));
            }
            case "DATE" ->
                    defaultValue = YamlText.quote(String.format("2026-%02d-15", 1 + index % 12));
            case "DATETIME" -> defaultValue = YamlText.quote("2026-03-01T10:00:00Z");
            case "TIME" -> defaultValue = YamlText.quote("09:30:00");
            case "DURATION" -> defaultValue = YamlText.quote("PT" + (1 + random.nextInt(8)) + "H");
            case "FILE" -> properties.add("allowedFileExtensions: [\".csv\", \".txt\", \".json\"]");
            case "JSON" -> defaultValue = YamlText.quote("{\"" + noun + "\": " + index + "}");
            case "EMAIL" -> defaultValue = YamlText.quote(noun + "@example.com");
            case "ARRAY" -> {
                properties.add("itemType: STRING");
                defaultValue = YamlText.quotedList(options.subList(0, 2));
            }
            case "URI" -> defaultValue = YamlText.quote("https://example.com/" + noun);
            case "YAML" -> defaultValue = YamlText.quote(noun + ": " + index);
            case "SECRET" -> defaultValue = YamlText.quote("s3cr3t-" + index);
            default -> throw new IllegalArgumentException("No synthetic input of type " + type);
        }
        if (!withDefault) {
            defaultValue = null;
        }
        return new SyntheticInput(
                id,
                type,
                label,
                description,
                required,
                defaultValue,
                properties,
                parent == null ? null : parent.id(),
                parent == null ? null : firstValue(parent));
    }

    private static List<String> options(SplittableRandom random) {
        int count = 3 + random.nextInt(5);
        List<String> options = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            options.add(Words.capitalize(Words.pick(random, Words.NOUNS)) + " " + (i + 1));
        }
        return options;
    }

    /** Returns the first of a SELECT's values, which is also its default. */
    private static String firstValue(SyntheticInput select) {
        String values =
                select.properties().stream()
                        .filter(property -> property.startsWith("values: "))
                        .findFirst()
                        .orElseThrow();
        int start = values.indexOf('"') + 1;
        return values.substring(start, values.indexOf('"', start));
    }
}

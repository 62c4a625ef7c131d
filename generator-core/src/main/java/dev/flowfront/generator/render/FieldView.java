package dev.flowfront.generator.render;

import java.util.List;

/**
 * What a form field template needs to render one input. Built by {@link FieldFactory}; null members
 * are left out of the markup.
 *
 * @param id the input id, the control's {@code name}
 * @param type the Kestra input type name
 * @param control the template under {@code inputs/} that renders the control
 * @param domId the control's element id, unique in the page
 * @param labelFor the element the label points at: the control, or the first choice of a group
 * @param htmlType the {@code type} attribute of an {@code <input>}
 * @param value the initial value of a single-value control
 * @param prefill whether {@code value} (or the checked state) is a prefill the runtime sends only
 *     if the user keeps it
 * @param checked the initial state of a checkbox
 * @param options the choices of a select, radio group or checkbox group
 * @param items the rows of an ARRAY editor
 * @param item the control of one ARRAY row
 * @param dependsOn JSON array of the ids the input depends on, or null
 * @param utc whether min, max and value of a date-time control are UTC wall-clock times that the
 *     runtime converts to the user's time zone
 */
public record FieldView(
        String id,
        String type,
        String control,
        String domId,
        String labelId,
        String labelFor,
        String label,
        boolean required,
        String htmlType,
        String value,
        boolean prefill,
        boolean checked,
        String placeholder,
        String pattern,
        String min,
        String max,
        String step,
        String accept,
        String inputMode,
        String autocomplete,
        List<OptionView> options,
        boolean allowCustomValue,
        String customValue,
        List<ArrayItemView> items,
        FieldView item,
        String descriptionHtml,
        String descriptionId,
        String errorId,
        String describedBy,
        String dependsOn,
        boolean utc) {

    /**
     * One choice of a select, radio group or checkbox group.
     *
     * @param domId the element id of a radio or checkbox; null for an {@code <option>}
     */
    public record OptionView(String value, String label, String domId, boolean selected) {}

    /** One row of an ARRAY editor. */
    public record ArrayItemView(String domId, String value, String removeLabel) {}
}

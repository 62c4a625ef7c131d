package dev.flowfront.generator.expression;

import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.operator.Associativity;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.util.List;

/**
 * The binary operators Kestra adds to Pebble, with Kestra's precedence (120, between Pebble's
 * {@code +} and {@code *}), so that our parser groups expressions as Kestra's does.
 *
 * <p>{@code ??} returns the right side when the left is null or undefined; {@code ???} only when
 * the left is undefined.
 */
final class KestraOperators extends AbstractExtension {

    static final String NULL_COALESCING = "??";
    static final String UNDEFINED_COALESCING = "???";

    private static final int PRECEDENCE = 120;

    @Override
    public List<BinaryOperator> getBinaryOperators() {
        return List.of(
                new BinaryOperatorImpl(
                        NULL_COALESCING,
                        PRECEDENCE,
                        NullCoalescingExpression::new,
                        BinaryOperatorType.NORMAL,
                        Associativity.LEFT),
                new BinaryOperatorImpl(
                        UNDEFINED_COALESCING,
                        PRECEDENCE,
                        UndefinedCoalescingExpression::new,
                        BinaryOperatorType.NORMAL,
                        Associativity.LEFT));
    }

    /** {@code a ?? b}: b when a is null or undefined. */
    static final class NullCoalescingExpression extends BinaryExpression<Object> {
        @Override
        public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            try {
                Object left = getLeftExpression().evaluate(self, context);
                return left != null ? left : getRightExpression().evaluate(self, context);
            } catch (AttributeNotFoundException undefined) {
                return getRightExpression().evaluate(self, context);
            }
        }
    }

    /** {@code a ??? b}: b when a is undefined, so a null a is kept. */
    static final class UndefinedCoalescingExpression extends BinaryExpression<Object> {
        @Override
        public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            try {
                return getLeftExpression().evaluate(self, context);
            } catch (AttributeNotFoundException undefined) {
                return getRightExpression().evaluate(self, context);
            }
        }
    }
}

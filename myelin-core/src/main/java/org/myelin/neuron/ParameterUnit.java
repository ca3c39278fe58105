package org.myelin.neuron;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The unit in which a neuron model holds a parameter, on the component of its parameter record:
 * a unit expression of {@link org.myelin.units.Unit#parse}, e.g. {@code "mV"}, {@code "1/ms"},
 * {@code "mS/cm^2"} or {@code "1"} for a plain number. Model files and the command line convert a
 * quantity the user writes into this unit ({@link NeuronModels.Model#parse}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface ParameterUnit
{
    /** The unit expression. */
    String value();
}

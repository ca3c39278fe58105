/**
 * Headless PNG plots for simulation results, on primitive arrays so that this module does not depend on the engine.
 *
 * <ul>
 *     <li>{@link org.myelin.plot.RasterPlot}: spike raster of one or two populations with a population-rate panel.</li>
 *     <li>{@link org.myelin.plot.TracePlot}: named line traces, e.g. membrane potential over time.</li>
 *     <li>{@link org.myelin.util.AtomicFiles} (in myelin-core): write-to-temporary-then-rename, used for every file written here.</li>
 * </ul>
 *
 * <p>Every plot class sets {@code java.awt.headless=true} when it is loaded. The common look (fonts, colours, header,
 * panel layout, PNG encoding) lives in the package-private {@code PlotStyle} and {@code Figure}.
 */
package org.myelin.plot;

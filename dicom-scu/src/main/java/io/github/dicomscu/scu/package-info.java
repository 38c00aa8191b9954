/**
 * The SCU API: {@link io.github.dicomscu.scu.AeOperations} and its implementation
 * {@link io.github.dicomscu.scu.AeTemplate}, the callbacks and results of its operations,
 * the {@link io.github.dicomscu.scu.DicomAccessException} hierarchy its failures are
 * reported in, and the {@link io.github.dicomscu.scu.DicomExceptionTranslator} that maps
 * engine failures onto it.
 */
package io.github.dicomscu.scu;

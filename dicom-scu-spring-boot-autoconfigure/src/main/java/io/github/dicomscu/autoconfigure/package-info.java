/**
 * Auto-configuration of the DICOM SCU: the {@code dicom.scu.*} properties, the
 * {@link io.github.dicomscu.scu.AeTemplate} built from them, the optional storage SCP
 * that receives C-MOVE sub-operations, and the startup checks that explain a
 * configuration breaking a DICOM rule.
 */
package io.github.dicomscu.autoconfigure;

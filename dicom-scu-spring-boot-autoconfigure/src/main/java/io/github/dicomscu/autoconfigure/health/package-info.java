/**
 * Auto-configuration of the {@code dicom} health contributor.
 */
package io.github.dicomscu.autoconfigure.health;

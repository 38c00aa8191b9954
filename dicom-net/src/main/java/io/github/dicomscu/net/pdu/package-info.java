/**
 * The seven protocol data units of the DICOM upper layer protocol (PS3.8 section 9.3) and
 * the items they carry (PS3.8 Annex D, PS3.7 Annex D), with an encoder and a decoder that
 * treats every byte received as untrusted.
 */
package io.github.dicomscu.net.pdu;

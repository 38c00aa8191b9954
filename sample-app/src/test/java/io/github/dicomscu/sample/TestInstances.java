package io.github.dicomscu.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.TagDictionary;
import io.github.dicomscu.data.VR;

/**
 * Small CT and MR image instances for the tests, written as Part 10 files by the engine's
 * codec: two patients, two studies, three series and five images with fixed UIDs.
 */
final class TestInstances {

	static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

	private static final String ROOT = "2.25.3141592653";

	/** DOE^JOHN's CT head study: an axial series of two images and a coronal one of one. */
	static final Study HEAD = new Study(ROOT + ".1", "PAT001", "DOE^JOHN", "20240110", "CT HEAD", "ACC001");

	/** ROE^JANE's MR knee study: one sagittal series of two images. */
	static final Study KNEE = new Study(ROOT + ".2", "PAT002", "ROE^JANE", "20230505", "MR KNEE", "ACC002");

	static final Series HEAD_AXIAL = new Series(HEAD, ROOT + ".1.1", "CT", 1, "AXIAL", 2);

	static final Series HEAD_CORONAL = new Series(HEAD, ROOT + ".1.2", "CT", 2, "CORONAL", 1);

	static final Series KNEE_SAGITTAL = new Series(KNEE, ROOT + ".2.1", "MR", 1, "SAG T1", 2);

	private TestInstances() {
	}

	/**
	 * Write every image of the three series as Part 10 files into a directory.
	 * @param directory the directory, created if missing
	 * @return the files
	 * @throws IOException if writing fails
	 */
	static Path[] writeAll(Path directory) throws IOException {
		return Stream.of(HEAD_AXIAL, HEAD_CORONAL, KNEE_SAGITTAL)
			.flatMap((series) -> IntStream.rangeClosed(1, series.imageCount())
				.mapToObj(series::image))
			.map((image) -> write(directory, image))
			.toArray(Path[]::new);
	}

	/**
	 * Write a data set as a Part 10 file named after its SOP Instance UID, in Explicit VR
	 * Little Endian.
	 * @param directory the directory, created if missing
	 * @param dataSet the data set
	 * @return the file
	 */
	static Path write(Path directory, DataSet dataSet) {
		try {
			Files.createDirectories(directory);
			Path file = directory.resolve(dataSet.getString("SOPInstanceUID") + ".dcm");
			DicomFile.write(file, dataSet, "ExplicitVRLittleEndian");
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return a data set as the bytes of a Part 10 file in Explicit VR Little Endian.
	 * @param dataSet the data set
	 * @return the bytes
	 */
	static byte[] bytes(DataSet dataSet) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			DicomFile.write(out, null, dataSet, "ExplicitVRLittleEndian");
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Study(String uid, String patientId, String patientName, String date, String description,
			String accessionNumber) {
	}

	record Series(Study study, String uid, String modality, int number, String description, int imageCount) {

		String sopInstanceUid(int number) {
			return this.uid + "." + number;
		}

		DataSet image(int number) {
			return new DataSet()
				.setString("SOPClassUID", "MR".equals(this.modality) ? MR_IMAGE_STORAGE : CT_IMAGE_STORAGE)
				.setString("SOPInstanceUID", sopInstanceUid(number))
				.setString("StudyDate", this.study.date())
				.setString("StudyTime", "101500")
				.setString("AccessionNumber", this.study.accessionNumber())
				.setString("Modality", this.modality)
				.setString("StudyDescription", this.study.description())
				.setString("SeriesDescription", this.description)
				.setString("PatientName", this.study.patientName())
				.setString("PatientID", this.study.patientId())
				.setString("StudyInstanceUID", this.study.uid())
				.setString("SeriesInstanceUID", this.uid)
				.setString("StudyID", "1")
				.setString("SeriesNumber", Integer.toString(this.number))
				.setString("InstanceNumber", Integer.toString(number))
				.setInt("SamplesPerPixel", 1)
				.setString("PhotometricInterpretation", "MONOCHROME2")
				.setInt("Rows", 2)
				.setInt("Columns", 2)
				.setInt("BitsAllocated", 16)
				.setInt("BitsStored", 12)
				.setInt("HighBit", 11)
				.setInt("PixelRepresentation", 0)
				.setBytes(TagDictionary.tagOf("PixelData"), VR.OW,
						new byte[] { 1, 0, 2, 0, 3, 0, (byte) number, 0 });
		}

	}

}

package io.github.dicomscu.net.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.TagDictionary;
import io.github.dicomscu.data.VR;

/**
 * The instances the Query/Retrieve tests load into an archive: two patients, three studies,
 * four series and seven images with distinct UIDs, written as small Part 10 files by our codec.
 */
final class SampleArchive {

	static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

	static final String ROOT = "2.25.4711";

	/** Patient DOE^JOHN: two CT studies. */
	static final Patient DOE = new Patient("PAT001", "DOE^JOHN", "19700101", "M");

	/** Patient ROE^JANE: one MR study. */
	static final Patient ROE = new Patient("PAT002", "ROE^JANE", "19820315", "F");

	static final Study HEAD = new Study(DOE, ROOT + ".1", "20240110", "CT HEAD", "ACC001", "1");

	static final Study CHEST = new Study(DOE, ROOT + ".2", "20240220", "CT CHEST", "ACC002", "2");

	static final Study KNEE = new Study(ROE, ROOT + ".3", "20230505", "MR KNEE", "ACC003", "1");

	static final Series HEAD_AXIAL = new Series(HEAD, ROOT + ".1.1", "CT", "1", "AXIAL", 2);

	static final Series HEAD_CORONAL = new Series(HEAD, ROOT + ".1.2", "CT", "2", "CORONAL", 1);

	static final Series CHEST_AXIAL = new Series(CHEST, ROOT + ".2.1", "CT", "1", "CHEST AXIAL", 1);

	static final Series KNEE_SAGITTAL = new Series(KNEE, ROOT + ".3.1", "MR", "1", "SAG T1", 3);

	static final List<Series> SERIES = List.of(HEAD_AXIAL, HEAD_CORONAL, CHEST_AXIAL, KNEE_SAGITTAL);

	private SampleArchive() {
	}

	/**
	 * Return every image of the archive.
	 * @return the images in series order
	 */
	static List<Image> images() {
		List<Image> images = new ArrayList<>();
		for (Series series : SERIES) {
			images.addAll(series.images());
		}
		return images;
	}

	/**
	 * Write every image as a Part 10 file into a directory.
	 * @param directory the directory
	 * @return the files
	 * @throws IOException if writing fails
	 */
	static List<Path> writeFiles(Path directory) throws IOException {
		Files.createDirectories(directory);
		List<Path> files = new ArrayList<>();
		for (Image image : images()) {
			Path file = directory.resolve(image.sopInstanceUid() + ".dcm");
			DicomFile.write(file, image.dataSet(), "ExplicitVRLittleEndian");
			files.add(file);
		}
		return files;
	}

	record Patient(String id, String name, String birthDate, String sex) {
	}

	record Study(Patient patient, String uid, String date, String description, String accessionNumber, String id) {
	}

	record Series(Study study, String uid, String modality, String number, String description, int imageCount) {

		List<Image> images() {
			List<Image> images = new ArrayList<>();
			for (int i = 1; i <= this.imageCount; i++) {
				images.add(new Image(this, this.uid + "." + i, i));
			}
			return images;
		}

	}

	record Image(Series series, String sopInstanceUid, int number) {

		String sopClassUid() {
			return "MR".equals(this.series.modality()) ? MR_IMAGE_STORAGE : CT_IMAGE_STORAGE;
		}

		DataSet dataSet() {
			Study study = this.series.study();
			Patient patient = study.patient();
			return new DataSet().setString("SOPClassUID", sopClassUid())
				.setString("SOPInstanceUID", this.sopInstanceUid)
				.setString("StudyDate", study.date())
				.setString("StudyTime", "101500")
				.setString("AccessionNumber", study.accessionNumber())
				.setString("Modality", this.series.modality())
				.setString("StudyDescription", study.description())
				.setString("SeriesDescription", this.series.description())
				.setString("PatientName", patient.name())
				.setString("PatientID", patient.id())
				.setString("PatientBirthDate", patient.birthDate())
				.setString("PatientSex", patient.sex())
				.setString("StudyInstanceUID", study.uid())
				.setString("SeriesInstanceUID", this.series.uid())
				.setString("StudyID", study.id())
				.setString("SeriesNumber", this.series.number())
				.setString("InstanceNumber", Integer.toString(this.number))
				.setInt("SamplesPerPixel", 1)
				.setString("PhotometricInterpretation", "MONOCHROME2")
				.setInt("Rows", 2)
				.setInt("Columns", 2)
				.setInt("BitsAllocated", 16)
				.setInt("BitsStored", 12)
				.setInt("HighBit", 11)
				.setInt("PixelRepresentation", 0)
				.setBytes(TagDictionary.tagOf("PixelData"), VR.OW,
						new byte[] { 1, 0, 2, 0, 3, 0, (byte) this.number, 0 });
		}

	}

}

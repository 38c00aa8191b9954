package io.github.dicomscu.net.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.TagDictionary;
import io.github.dicomscu.data.VR;

/**
 * The instances the Query/Retrieve tests of every module load into an archive: two
 * patients, three studies, four series and seven images with fixed UIDs, written as small
 * Part 10 files by our codec.
 */
public final class SampleArchive {

	/** The SOP class of the CT images. */
	public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	/** The SOP class of the MR images. */
	public static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

	/** The root of every UID of the archive. */
	public static final String ROOT = "2.25.4711";

	/** Patient DOE^JOHN: two CT studies. */
	public static final Patient DOE = new Patient("PAT001", "DOE^JOHN", "19700101", "M");

	/** Patient ROE^JANE: one MR study. */
	public static final Patient ROE = new Patient("PAT002", "ROE^JANE", "19820315", "F");

	/**
	 * DOE^JOHN's CT head study: an axial series of two images and a coronal one of one.
	 */
	public static final Study HEAD = new Study(DOE, ROOT + ".1", "20240110", "CT HEAD", "ACC001", "1");

	/** DOE^JOHN's CT chest study: one axial series of one image. */
	public static final Study CHEST = new Study(DOE, ROOT + ".2", "20240220", "CT CHEST", "ACC002", "2");

	/** ROE^JANE's MR knee study: one sagittal series of three images. */
	public static final Study KNEE = new Study(ROE, ROOT + ".3", "20230505", "MR KNEE", "ACC003", "1");

	/** The axial series of the head study: two images. */
	public static final Series HEAD_AXIAL = new Series(HEAD, ROOT + ".1.1", "CT", "1", "AXIAL", 2);

	/** The coronal series of the head study: one image. */
	public static final Series HEAD_CORONAL = new Series(HEAD, ROOT + ".1.2", "CT", "2", "CORONAL", 1);

	/** The axial series of the chest study: one image. */
	public static final Series CHEST_AXIAL = new Series(CHEST, ROOT + ".2.1", "CT", "1", "CHEST AXIAL", 1);

	/** The sagittal series of the knee study: three MR images. */
	public static final Series KNEE_SAGITTAL = new Series(KNEE, ROOT + ".3.1", "MR", "1", "SAG T1", 3);

	/** Every series of the archive. */
	public static final List<Series> SERIES = List.of(HEAD_AXIAL, HEAD_CORONAL, CHEST_AXIAL, KNEE_SAGITTAL);

	private SampleArchive() {
	}

	/**
	 * Return every image of the archive.
	 * @return the images in series order
	 */
	public static List<Image> images() {
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
	public static List<Path> writeFiles(Path directory) throws IOException {
		Files.createDirectories(directory);
		List<Path> files = new ArrayList<>();
		for (Image image : images()) {
			Path file = directory.resolve(image.sopInstanceUid() + ".dcm");
			DicomFile.write(file, image.dataSet(), "ExplicitVRLittleEndian");
			files.add(file);
		}
		return files;
	}

	/**
	 * A patient of the archive.
	 *
	 * @param id the Patient ID
	 * @param name the Patient's Name
	 * @param birthDate the Patient's Birth Date
	 * @param sex the Patient's Sex
	 */
	public record Patient(String id, String name, String birthDate, String sex) {
	}

	/**
	 * A study of the archive.
	 *
	 * @param patient its patient
	 * @param uid the Study Instance UID
	 * @param date the Study Date
	 * @param description the Study Description
	 * @param accessionNumber the Accession Number
	 * @param id the Study ID
	 */
	public record Study(Patient patient, String uid, String date, String description, String accessionNumber,
			String id) {

		/**
		 * Return the images of the study.
		 * @return the images in series order
		 */
		public List<Image> images() {
			return SampleArchive.images().stream().filter((image) -> image.series().study().equals(this)).toList();
		}

	}

	/**
	 * A series of the archive.
	 *
	 * @param study its study
	 * @param uid the Series Instance UID
	 * @param modality the Modality, which decides the SOP class of its images
	 * @param number the Series Number
	 * @param description the Series Description
	 * @param imageCount how many images it has, numbered from 1
	 */
	public record Series(Study study, String uid, String modality, String number, String description, int imageCount) {

		/**
		 * Return the images of the series.
		 * @return the images in order of their number
		 */
		public List<Image> images() {
			List<Image> images = new ArrayList<>();
			for (int i = 1; i <= this.imageCount; i++) {
				images.add(image(i));
			}
			return images;
		}

		/**
		 * Return one image of the series.
		 * @param number the Instance Number, from 1
		 * @return the image
		 */
		public Image image(int number) {
			return new Image(this, this.uid + "." + number, number);
		}

	}

	/**
	 * An image of the archive.
	 *
	 * @param series its series
	 * @param sopInstanceUid the SOP Instance UID
	 * @param number the Instance Number
	 */
	public record Image(Series series, String sopInstanceUid, int number) {

		/**
		 * Return the SOP class: CT or MR Image Storage after the series' modality.
		 * @return the SOP Class UID
		 */
		public String sopClassUid() {
			return "MR".equals(this.series.modality()) ? MR_IMAGE_STORAGE : CT_IMAGE_STORAGE;
		}

		/**
		 * Return the image as the bytes of a Part 10 file in Explicit VR Little Endian.
		 * @return the bytes
		 */
		public byte[] fileBytes() {
			try {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				DicomFile.write(out, null, dataSet(), "ExplicitVRLittleEndian");
				return out.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Return the data set of the image: patient, study, series and image attributes
		 * and 2 by 2 pixels whose last differs per image.
		 * @return a new data set
		 */
		public DataSet dataSet() {
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

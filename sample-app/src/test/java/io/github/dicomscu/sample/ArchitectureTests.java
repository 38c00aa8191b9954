package io.github.dicomscu.sample;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.dicomscu.net.pdu.Abort;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AbortSource;
import io.github.dicomscu.net.pdu.AssociateRj;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of the project, checked on the production classes of every module: arrows
 * only point down, packages form no cycle, Spring stays above the engine, and the sample
 * only uses the template library and value types. Among the SCU and SCP operations, a
 * C-GET receives its instances through the storage package, whose SCP plugs into the SCP
 * package, so query stands above storage and storage above scp.
 */
@AnalyzeClasses(packages = "io.github.dicomscu",
		importOptions = { ImportOption.DoNotIncludeTests.class, ArchitectureTests.DoNotIncludeTestJars.class })
class ArchitectureTests {

	@ArchTest
	static final ArchRule layersOnlyDependDownward = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("Data")
		.definedBy("io.github.dicomscu.data..")
		.layer("Pdu")
		.definedBy("io.github.dicomscu.net.pdu..")
		.layer("Context")
		.definedBy("io.github.dicomscu.net.context..")
		.layer("Dimse")
		.definedBy("io.github.dicomscu.net.dimse..")
		.layer("Association")
		.definedBy("io.github.dicomscu.net.association..")
		.layer("Query")
		.definedBy("io.github.dicomscu.net.query..")
		.layer("Storage")
		.definedBy("io.github.dicomscu.net.storage..")
		.layer("Scp")
		.definedBy("io.github.dicomscu.net.scp..")
		.layer("Scu")
		.definedBy("io.github.dicomscu.scu..")
		.layer("Autoconfigure")
		.definedBy("io.github.dicomscu.autoconfigure..")
		.layer("Health")
		.definedBy("io.github.dicomscu.health..")
		.layer("Sample")
		.definedBy("io.github.dicomscu.sample..")
		.whereLayer("Data")
		.mayNotAccessAnyLayer()
		.whereLayer("Pdu")
		.mayOnlyAccessLayers("Data")
		.whereLayer("Context")
		.mayOnlyAccessLayers("Pdu", "Data")
		.whereLayer("Dimse")
		.mayOnlyAccessLayers("Pdu", "Data")
		.whereLayer("Association")
		.mayOnlyAccessLayers("Context", "Dimse", "Pdu", "Data")
		.whereLayer("Query")
		.mayOnlyAccessLayers("Storage", "Scp", "Association", "Context", "Dimse", "Pdu", "Data")
		.whereLayer("Storage")
		.mayOnlyAccessLayers("Scp", "Association", "Context", "Dimse", "Pdu", "Data")
		.whereLayer("Scp")
		.mayOnlyAccessLayers("Association", "Context", "Dimse", "Pdu", "Data")
		.whereLayer("Scu")
		.mayOnlyAccessLayers("Query", "Storage", "Scp", "Association", "Context", "Dimse", "Pdu", "Data")
		.whereLayer("Health")
		.mayOnlyAccessLayers("Scu", "Context", "Data")
		.whereLayer("Autoconfigure")
		.mayOnlyAccessLayers("Health", "Scu", "Query", "Storage", "Scp", "Association", "Context", "Dimse", "Pdu",
				"Data");

	@ArchTest
	static final ArchRule everyClassBelongsToALayer = classes().that()
		.resideInAPackage("io.github.dicomscu..")
		.should()
		.resideInAnyPackage("io.github.dicomscu.data..", "io.github.dicomscu.net.pdu..",
				"io.github.dicomscu.net.context..", "io.github.dicomscu.net.dimse..",
				"io.github.dicomscu.net.association..", "io.github.dicomscu.net.query..",
				"io.github.dicomscu.net.storage..", "io.github.dicomscu.net.scp..", "io.github.dicomscu.scu..",
				"io.github.dicomscu.autoconfigure..", "io.github.dicomscu.health..", "io.github.dicomscu.sample..");

	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("io.github.dicomscu.(**)")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule engineDoesNotUseSpring = noClasses().that()
		.resideInAnyPackage("io.github.dicomscu.data..", "io.github.dicomscu.net..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework..");

	@ArchTest
	static final ArchRule templateLibraryUsesOnlySpringCore = noClasses().that()
		.resideInAPackage("io.github.dicomscu.scu..")
		.should()
		.dependOnClassesThat(resideInAPackage("org.springframework..")
			.and(not(resideInAnyPackage("org.springframework.core..", "org.springframework.util.."))));

	/**
	 * The sample talks DICOM through {@code AeOperations}: of the engine it uses value
	 * types (data sets, queries, results, and the enums the exceptions carry), never the
	 * association, the PDUs, the DIMSE messages or an SCP or SCU class.
	 */
	@ArchTest
	static final ArchRule sampleUsesTheTemplateLibraryAndValueTypesOnly = noClasses().that()
		.resideInAPackage("io.github.dicomscu.sample..")
		.should()
		.dependOnClassesThat(resideInAnyPackage("io.github.dicomscu.net.pdu..", "io.github.dicomscu.net.association..",
				"io.github.dicomscu.net.dimse..", "io.github.dicomscu.net.scp..")
			.and(not(JavaClass.Predicates.ENUMS))
			.or(resideInAPackage("io.github.dicomscu.net..")
				.and(simpleNameEndingWith("Scu").or(simpleNameEndingWith("Scp")))));

	/**
	 * A-ASSOCIATE-RJ and A-ABORT PDUs are built through their typed factories; only the
	 * PDU decoder uses the constructors that take the codes as read.
	 */
	@ArchTest
	static final ArchRule rejectsAndAbortsAreBuiltThroughTypedFactories = noClasses().that()
		.resideOutsideOfPackage("io.github.dicomscu.net.pdu..")
		.should()
		.callConstructor(AssociateRj.class, int.class, int.class, int.class)
		.orShould()
		.callConstructor(Abort.class, AbortSource.class, AbortReason.class);

	/**
	 * Leaves out the test jar of {@code dicom-net} that the sample's tests use.
	 */
	static final class DoNotIncludeTestJars implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("-tests.jar");
		}

	}

}

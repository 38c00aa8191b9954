package io.github.dicomscu.net.context;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.data.UidEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ContextSet}.
 */
class ContextSetTests {

	@ParameterizedTest
	@CsvSource({ "ALL_STORAGE, 170", "APPLICATION_EVENT_LOGGING, 2", "BASIC_WORKLIST_MANAGEMENT, 1", "COLOR_PALETTE, 3",
			"DEFINED_PROCEDURE_PROTOCOL, 3", "DISPLAY_SYSTEM, 1", "HANGING_PROTOCOL, 3", "IMPLANT_TEMPLATE, 9",
			"INSTANCE_AVAILABILITY, 1", "MEDIA_CREATION_MANAGEMENT, 1", "MEDIA_STORAGE, 1", "MODALITY_PERFORMED, 3",
			"NON_PATIENT_OBJECT, 9", "PRINT_MANAGEMENT, 11", "PROCEDURE_STEP, 3", "PROTOCOL_APPROVAL, 3",
			"QUERY_RETRIEVE, 13", "RELEVANT_PATIENT_INFORMATION, 3", "RT_MACHINE_VERIFICATION, 2", "STORAGE, 120",
			"STORAGE_COMMITMENT, 1", "SUBSTANCE_ADMINISTRATION, 2", "UNIFIED_PROCEDURE, 5", "VERIFICATION, 1" })
	void sizesMatchPynetdicom(ContextSet set, int size) {
		assertThat(set.size()).isEqualTo(size);
		assertThat(set.abstractSyntaxes()).hasSize(size).doesNotHaveDuplicates();
	}

	@Test
	void thereAreTwentyFourSets() {
		assertThat(ContextSet.values()).hasSize(24);
	}

	@ParameterizedTest
	@EnumSource(ContextSet.class)
	void membersMatchTableInOrder(ContextSet set) throws IOException {
		List<String[]> rows = readTable().get(set.pynetdicomName().replace("PresentationContexts", ""));
		assertThat(rows).isNotNull();
		List<String> uids = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			assertThat(Integer.parseInt(row[1])).isEqualTo(i + 1);
			assertThat(UidDictionary.forUid(row[2]).map(UidEntry::keyword).orElse("")).as(row[2]).isEqualTo(row[3]);
			uids.add(row[2]);
		}
		assertThat(set.abstractSyntaxes()).containsExactlyElementsOf(uids);
	}

	@Test
	void firstAndLastMembers() {
		assertThat(ContextSet.STORAGE.abstractSyntaxes().get(0)).isEqualTo("1.2.840.10008.5.1.1.27");
		assertThat(ContextSet.QUERY_RETRIEVE.abstractSyntaxes().get(0)).isEqualTo("1.2.840.10008.5.1.4.1.1.201.6");
		assertThat(ContextSet.QUERY_RETRIEVE.abstractSyntaxes().get(12)).isEqualTo("1.2.840.10008.5.1.4.1.2.5.3");
		assertThat(ContextSet.VERIFICATION.abstractSyntaxes()).containsExactly(Uid.VERIFICATION);
	}

	@Test
	void everySetAndMemberIsInTheTable() throws IOException {
		Map<String, List<String[]>> table = readTable();
		assertThat(table).hasSize(24);
		int members = 0;
		for (ContextSet set : ContextSet.values()) {
			members += set.size();
		}
		assertThat(members).isEqualTo(table.values().stream().mapToInt(List::size).sum());
	}

	@Test
	void contextsUseDefaultTransferSyntaxes() {
		List<PresentationContext> contexts = ContextSet.QUERY_RETRIEVE.contexts();
		assertThat(contexts).hasSize(13);
		assertThat(contexts).extracting(PresentationContext::abstractSyntax)
			.containsExactlyElementsOf(ContextSet.QUERY_RETRIEVE.abstractSyntaxes());
		assertThat(contexts).allSatisfy((context) -> assertThat(context.transferSyntaxes())
			.isEqualTo(PresentationContext.DEFAULT_TRANSFER_SYNTAXES));
	}

	@Test
	void contextsWithGivenTransferSyntaxes() {
		List<PresentationContext> contexts = ContextSet.RT_MACHINE_VERIFICATION
			.contexts(List.of("ExplicitVRLittleEndian"));
		assertThat(contexts).hasSize(2)
			.allSatisfy(
					(context) -> assertThat(context.transferSyntaxes()).containsExactly(Uid.EXPLICIT_VR_LITTLE_ENDIAN));
	}

	@Test
	void names() {
		assertThat(ContextSet.ALL_STORAGE.configName()).isEqualTo("all-storage");
		assertThat(ContextSet.QUERY_RETRIEVE.configName()).isEqualTo("query-retrieve");
		assertThat(ContextSet.RT_MACHINE_VERIFICATION.configName()).isEqualTo("rt-machine-verification");
		assertThat(ContextSet.ALL_STORAGE.pynetdicomName()).isEqualTo("AllStoragePresentationContexts");
		assertThat(ContextSet.STORAGE.pynetdicomName()).isEqualTo("StoragePresentationContexts");
		assertThat(ContextSet.VERIFICATION.pynetdicomName()).isEqualTo("VerificationPresentationContexts");
		assertThat(ContextSet.RT_MACHINE_VERIFICATION.pynetdicomName())
			.isEqualTo("RTMachineVerificationPresentationContexts");
	}

	@ParameterizedTest
	@EnumSource(ContextSet.class)
	void fromNameAcceptsEveryForm(ContextSet set) {
		assertThat(ContextSet.fromName(set.configName())).isSameAs(set);
		assertThat(ContextSet.fromName(set.name())).isSameAs(set);
		assertThat(ContextSet.fromName(set.pynetdicomName())).isSameAs(set);
		assertThat(ContextSet.fromName(set.pynetdicomName().replace("PresentationContexts", ""))).isSameAs(set);
		assertThat(ContextSet.fromName(set.configName().toUpperCase())).isSameAs(set);
	}

	@Test
	void fromNameIgnoresCaseAndSeparators() {
		assertThat(ContextSet.fromName("RTMachineVerification")).isSameAs(ContextSet.RT_MACHINE_VERIFICATION);
		assertThat(ContextSet.fromName("query_retrieve")).isSameAs(ContextSet.QUERY_RETRIEVE);
		assertThat(ContextSet.fromName("Query-Retrieve")).isSameAs(ContextSet.QUERY_RETRIEVE);
		assertThat(ContextSet.fromName("allstorage")).isSameAs(ContextSet.ALL_STORAGE);
	}

	@Test
	void fromNameOfUnknownSuggestsClosestAndListsAll() {
		assertThatIllegalArgumentException().isThrownBy(() -> ContextSet.fromName("stroage"))
			.withMessageStartingWith("Unknown context set 'stroage'; did you mean 'storage'? Valid context sets: "
					+ "all-storage, application-event-logging, basic-worklist-management,")
			.withMessageEndingWith("unified-procedure, verification");
		assertThatIllegalArgumentException().isThrownBy(() -> ContextSet.fromName("queryretreive"))
			.withMessageStartingWith("Unknown context set 'queryretreive'; did you mean 'query-retrieve'?");
	}

	private static Map<String, List<String[]>> readTable() throws IOException {
		Map<String, List<String[]>> table = new LinkedHashMap<>();
		try (InputStream in = ContextSet.class.getResourceAsStream("context-sets.tsv")) {
			assertThat(in).isNotNull();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
			assertThat(reader.readLine()).isEqualTo("set\tposition\tabstract_syntax\tkeyword");
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] fields = line.split("\t", -1);
				table.computeIfAbsent(fields[0], (set) -> new ArrayList<>()).add(fields);
			}
		}
		return table;
	}

}

package io.github.dicomscu.net.association;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of PS3.8 Table 9-10, as the standard writes it, against
 * {@link TransitionTable} and against a {@link ProtocolMachine} driven into the cell's
 * state by real events.
 */
class TransitionTableTests {

	/**
	 * PS3.8 Table 9-10, one row per event: the non-empty cells as "state action". Copied
	 * by hand from the standard, independently of the table under test.
	 */
	private static final String[] STANDARD = { "Evt1: Sta1 AE-1", "Evt2: Sta4 AE-2",
			"Evt3: Sta2 AA-1, Sta3 AA-8, Sta5 AE-3, Sta6 AA-8, Sta7 AA-8, Sta8 AA-8, Sta9 AA-8, Sta10 AA-8, "
					+ "Sta11 AA-8, Sta12 AA-8, Sta13 AA-6",
			"Evt4: Sta2 AA-1, Sta3 AA-8, Sta5 AE-4, Sta6 AA-8, Sta7 AA-8, Sta8 AA-8, Sta9 AA-8, Sta10 AA-8, "
					+ "Sta11 AA-8, Sta12 AA-8, Sta13 AA-6",
			"Evt5: Sta1 AE-5",
			"Evt6: Sta2 AE-6, Sta3 AA-8, Sta5 AA-8, Sta6 AA-8, Sta7 AA-8, Sta8 AA-8, Sta9 AA-8, Sta10 AA-8, "
					+ "Sta11 AA-8, Sta12 AA-8, Sta13 AA-7",
			"Evt7: Sta3 AE-7", "Evt8: Sta3 AE-8", "Evt9: Sta6 DT-1, Sta8 AR-7",
			"Evt10: Sta2 AA-1, Sta3 AA-8, Sta5 AA-8, Sta6 DT-2, Sta7 AR-6, Sta8 AA-8, Sta9 AA-8, Sta10 AA-8, "
					+ "Sta11 AA-8, Sta12 AA-8, Sta13 AA-6",
			"Evt11: Sta6 AR-1",
			"Evt12: Sta2 AA-1, Sta3 AA-8, Sta5 AA-8, Sta6 AR-2, Sta7 AR-8, Sta8 AA-8, Sta9 AA-8, Sta10 AA-8, "
					+ "Sta11 AA-8, Sta12 AA-8, Sta13 AA-6",
			"Evt13: Sta2 AA-1, Sta3 AA-8, Sta5 AA-8, Sta6 AA-8, Sta7 AR-3, Sta8 AA-8, Sta9 AA-8, Sta10 AR-10, "
					+ "Sta11 AR-3, Sta12 AA-8, Sta13 AA-6",
			"Evt14: Sta8 AR-4, Sta9 AR-9, Sta12 AR-4",
			"Evt15: Sta3 AA-1, Sta4 AA-2, Sta5 AA-1, Sta6 AA-1, Sta7 AA-1, Sta8 AA-1, Sta9 AA-1, Sta10 AA-1, "
					+ "Sta11 AA-1, Sta12 AA-1",
			"Evt16: Sta2 AA-2, Sta3 AA-3, Sta5 AA-3, Sta6 AA-3, Sta7 AA-3, Sta8 AA-3, Sta9 AA-3, Sta10 AA-3, "
					+ "Sta11 AA-3, Sta12 AA-3, Sta13 AA-2",
			"Evt17: Sta2 AA-5, Sta3 AA-4, Sta4 AA-4, Sta5 AA-4, Sta6 AA-4, Sta7 AA-4, Sta8 AA-4, Sta9 AA-4, "
					+ "Sta10 AA-4, Sta11 AA-4, Sta12 AA-4, Sta13 AR-5",
			"Evt18: Sta2 AA-2, Sta13 AA-2",
			"Evt19: Sta2 AA-1, Sta3 AA-8, Sta5 AA-8, Sta6 AA-8, Sta7 AA-8, Sta8 AA-8, Sta9 AA-8, Sta10 AA-8, "
					+ "Sta11 AA-8, Sta12 AA-8, Sta13 AA-7" };

	/**
	 * The next state of each action (PS3.8 Tables 9-6 to 9-9), but for the two with a
	 * choice: AE-6 (Sta3 if the A-ASSOCIATE-RQ is acceptable, else Sta13) and AR-8 (Sta9
	 * on the requestor, Sta10 on the acceptor).
	 */
	private static final Map<String, String> NEXT_STATE = Map.ofEntries(Map.entry("AE-1", "Sta4"),
			Map.entry("AE-2", "Sta5"), Map.entry("AE-3", "Sta6"), Map.entry("AE-4", "Sta1"), Map.entry("AE-5", "Sta2"),
			Map.entry("AE-7", "Sta6"), Map.entry("AE-8", "Sta13"), Map.entry("DT-1", "Sta6"), Map.entry("DT-2", "Sta6"),
			Map.entry("AR-1", "Sta7"), Map.entry("AR-2", "Sta8"), Map.entry("AR-3", "Sta1"), Map.entry("AR-4", "Sta13"),
			Map.entry("AR-5", "Sta1"), Map.entry("AR-6", "Sta7"), Map.entry("AR-7", "Sta8"), Map.entry("AR-9", "Sta11"),
			Map.entry("AR-10", "Sta12"), Map.entry("AA-1", "Sta13"), Map.entry("AA-2", "Sta1"),
			Map.entry("AA-3", "Sta1"), Map.entry("AA-4", "Sta1"), Map.entry("AA-5", "Sta1"), Map.entry("AA-6", "Sta13"),
			Map.entry("AA-7", "Sta13"), Map.entry("AA-8", "Sta13"));

	/**
	 * Events that drive a fresh machine into each state: as requestor through Sta4, Sta5,
	 * Sta6, Sta7, Sta9, Sta11; as acceptor through Sta2, Sta3, Sta6, Sta8, Sta10, Sta12,
	 * Sta13.
	 */
	private static final Map<AssociationState, Path> PATHS = paths();

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		for (AssociationEvent event : AssociationEvent.values()) {
			for (AssociationState state : AssociationState.values()) {
				String action = standardAction(event, state);
				if (action == null) {
					cells.add(Arguments.of(event, state, null, null, null));
				}
				else {
					for (boolean requestor : (state == AssociationState.STA1) ? new boolean[] { true, false }
							: new boolean[] { PATHS.get(state).requestor() }) {
						cells.add(Arguments.of(event, state, action, requestor, nextState(action, requestor)));
					}
				}
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} in {1}: {2} -> {4}")
	@MethodSource("cells")
	void cellAsTheStandardWritesIt(AssociationEvent event, AssociationState state, String action, Boolean requestor,
			String next) {
		AssociationAction actual = TransitionTable.action(state, event);
		if (action == null) {
			assertThat(actual).isNull();
			return;
		}
		assertThat(actual).hasToString(action);
		ProtocolMachine machine = machineIn(state, requestor);
		assertThat(machine.fire(event)).hasToString(action);
		assertThat(ProtocolMachine.label(machine.state())).isEqualTo(next);
	}

	@Test
	void associateRequestNotAcceptableByTheProviderGoesToSta13() {
		ProtocolMachine machine = machineIn(AssociationState.STA2, false);
		assertThat(machine.fire(AssociationEvent.EVT6, false)).isEqualTo(AssociationAction.AE_6);
		assertThat(machine.state()).isEqualTo(AssociationState.STA13);
	}

	@Test
	void emptyCellLeavesTheStateAlone() {
		ProtocolMachine machine = machineIn(AssociationState.STA7, true);
		assertThat(machine.fire(AssociationEvent.EVT9)).isNull();
		assertThat(machine.state()).isEqualTo(AssociationState.STA7);
	}

	@Test
	void everyStateHasAPath() {
		assertThat(PATHS).containsOnlyKeys(AssociationState.values());
	}

	private static ProtocolMachine machineIn(AssociationState state, boolean requestor) {
		Path path = (state == AssociationState.STA1) ? new Path(requestor, List.of()) : PATHS.get(state);
		ProtocolMachine machine = new ProtocolMachine(null, path.requestor());
		path.events().forEach(machine::fire);
		assertThat(machine.state()).isEqualTo(state);
		return machine;
	}

	private static String standardAction(AssociationEvent event, AssociationState state) {
		String row = STANDARD[event.ordinal()];
		assertThat(row).startsWith(event + ":");
		for (String cell : row.substring(row.indexOf(':') + 1).split(",")) {
			String[] parts = cell.trim().split(" ");
			if (parts[0].equals(ProtocolMachine.label(state))) {
				return parts[1];
			}
		}
		return null;
	}

	private static String nextState(String action, boolean requestor) {
		if (action.equals("AR-8")) {
			return requestor ? "Sta9" : "Sta10";
		}
		if (action.equals("AE-6")) {
			return "Sta3";
		}
		return NEXT_STATE.get(action);
	}

	private static Map<AssociationState, Path> paths() {
		Map<AssociationState, Path> paths = new EnumMap<>(AssociationState.class);
		List<AssociationEvent> requestor = List.of(AssociationEvent.EVT1, AssociationEvent.EVT2, AssociationEvent.EVT3,
				AssociationEvent.EVT11, AssociationEvent.EVT12, AssociationEvent.EVT14);
		List<AssociationState> requestorStates = List.of(AssociationState.STA4, AssociationState.STA5,
				AssociationState.STA6, AssociationState.STA7, AssociationState.STA9, AssociationState.STA11);
		for (int i = 0; i < requestor.size(); i++) {
			paths.put(requestorStates.get(i), new Path(true, requestor.subList(0, i + 1)));
		}
		List<AssociationEvent> acceptor = List.of(AssociationEvent.EVT5, AssociationEvent.EVT6, AssociationEvent.EVT7,
				AssociationEvent.EVT11, AssociationEvent.EVT12, AssociationEvent.EVT13, AssociationEvent.EVT14);
		List<AssociationState> acceptorStates = List.of(AssociationState.STA2, AssociationState.STA3,
				AssociationState.STA6, AssociationState.STA7, AssociationState.STA10, AssociationState.STA12,
				AssociationState.STA13);
		for (int i = 0; i < acceptor.size(); i++) {
			paths.putIfAbsent(acceptorStates.get(i), new Path(false, acceptor.subList(0, i + 1)));
		}
		paths.put(AssociationState.STA8, new Path(false,
				List.of(AssociationEvent.EVT5, AssociationEvent.EVT6, AssociationEvent.EVT7, AssociationEvent.EVT12)));
		paths.put(AssociationState.STA1, new Path(true, List.of()));
		return paths;
	}

	private record Path(boolean requestor, List<AssociationEvent> events) {
	}

}

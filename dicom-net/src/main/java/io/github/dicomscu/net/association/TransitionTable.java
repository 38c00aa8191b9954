package io.github.dicomscu.net.association;

import static io.github.dicomscu.net.association.AssociationAction.AA_1;
import static io.github.dicomscu.net.association.AssociationAction.AA_2;
import static io.github.dicomscu.net.association.AssociationAction.AA_3;
import static io.github.dicomscu.net.association.AssociationAction.AA_4;
import static io.github.dicomscu.net.association.AssociationAction.AA_5;
import static io.github.dicomscu.net.association.AssociationAction.AA_6;
import static io.github.dicomscu.net.association.AssociationAction.AA_7;
import static io.github.dicomscu.net.association.AssociationAction.AA_8;
import static io.github.dicomscu.net.association.AssociationAction.AE_1;
import static io.github.dicomscu.net.association.AssociationAction.AE_2;
import static io.github.dicomscu.net.association.AssociationAction.AE_3;
import static io.github.dicomscu.net.association.AssociationAction.AE_4;
import static io.github.dicomscu.net.association.AssociationAction.AE_5;
import static io.github.dicomscu.net.association.AssociationAction.AE_6;
import static io.github.dicomscu.net.association.AssociationAction.AE_7;
import static io.github.dicomscu.net.association.AssociationAction.AE_8;
import static io.github.dicomscu.net.association.AssociationAction.AR_1;
import static io.github.dicomscu.net.association.AssociationAction.AR_10;
import static io.github.dicomscu.net.association.AssociationAction.AR_2;
import static io.github.dicomscu.net.association.AssociationAction.AR_3;
import static io.github.dicomscu.net.association.AssociationAction.AR_4;
import static io.github.dicomscu.net.association.AssociationAction.AR_5;
import static io.github.dicomscu.net.association.AssociationAction.AR_6;
import static io.github.dicomscu.net.association.AssociationAction.AR_7;
import static io.github.dicomscu.net.association.AssociationAction.AR_8;
import static io.github.dicomscu.net.association.AssociationAction.AR_9;
import static io.github.dicomscu.net.association.AssociationAction.DT_1;
import static io.github.dicomscu.net.association.AssociationAction.DT_2;

/**
 * The DICOM upper layer state transition table, PS3.8 Table 9-10, as data: for each event
 * (row) and state (column) the action to take, or {@code null} where the standard leaves
 * the cell empty. The state an action leads to is the action's own (PS3.8 Tables 9-6 to
 * 9-9, see {@link AssociationAction#nextState(boolean)}).
 */
final class TransitionTable {

	private static final AssociationAction[][] ACTIONS = {
			// Sta1 Sta2 Sta3 Sta4 Sta5 Sta6 Sta7 Sta8 Sta9 Sta10 Sta11 Sta12 Sta13
			{ AE_1, null, null, null, null, null, null, null, null, null, null, null, null }, // Evt1
			{ null, null, null, AE_2, null, null, null, null, null, null, null, null, null }, // Evt2
			{ null, AA_1, AA_8, null, AE_3, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6 }, // Evt3
			{ null, AA_1, AA_8, null, AE_4, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6 }, // Evt4
			{ AE_5, null, null, null, null, null, null, null, null, null, null, null, null }, // Evt5
			{ null, AE_6, AA_8, null, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_7 }, // Evt6
			{ null, null, AE_7, null, null, null, null, null, null, null, null, null, null }, // Evt7
			{ null, null, AE_8, null, null, null, null, null, null, null, null, null, null }, // Evt8
			{ null, null, null, null, null, DT_1, null, AR_7, null, null, null, null, null }, // Evt9
			{ null, AA_1, AA_8, null, AA_8, DT_2, AR_6, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6 }, // Evt10
			{ null, null, null, null, null, AR_1, null, null, null, null, null, null, null }, // Evt11
			{ null, AA_1, AA_8, null, AA_8, AR_2, AR_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6 }, // Evt12
			{ null, AA_1, AA_8, null, AA_8, AA_8, AR_3, AA_8, AA_8, AR_10, AR_3, AA_8, AA_6 }, // Evt13
			{ null, null, null, null, null, null, null, AR_4, AR_9, null, null, AR_4, null }, // Evt14
			{ null, null, AA_1, AA_2, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, null }, // Evt15
			{ null, AA_2, AA_3, null, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_2 }, // Evt16
			{ null, AA_5, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AR_5 }, // Evt17
			{ null, AA_2, null, null, null, null, null, null, null, null, null, null, AA_2 }, // Evt18
			{ null, AA_1, AA_8, null, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_7 }, // Evt19
	};

	private TransitionTable() {
	}

	/**
	 * Return the action PS3.8 Table 9-10 prescribes for an event in a state.
	 * @param state the current state
	 * @param event the event
	 * @return the action, or {@code null} if the cell is empty
	 */
	static AssociationAction action(AssociationState state, AssociationEvent event) {
		return ACTIONS[event.ordinal()][state.ordinal()];
	}

}

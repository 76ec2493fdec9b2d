package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.network.PresentationContext;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransferSyntaxPolicyTest {
    static final String CT = TestFiles.CT_IMAGE_STORAGE;
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    static final String ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1";
    static final String DX = "1.2.840.10008.5.1.4.1.1.1.1";
    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String JPEG_LS = "1.2.840.10008.1.2.4.80";
    static final String JPEG_LS_NEAR = "1.2.840.10008.1.2.4.81";

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99",
            "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
            "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"})
    void acceptsEverySyntaxTheReaderDecodes(String ts) {
        PresentationContext pc = negotiate(CT, ts);
        assertEquals(TransferSyntaxPolicy.ACCEPTANCE, pc.getResultReason());
        assertEquals(ts, pc.getTransferSyntaxUID());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.92", "1.2.840.10008.1.2.4.93", "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.100",
            "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.1.98", "1.2.3.4"})
    void refusesSyntaxesTheReaderCannotDecode(String ts) {
        PresentationContext pc = negotiate(CT, ts);
        assertEquals(TransferSyntaxPolicy.TRANSFER_SYNTAXES_NOT_SUPPORTED, pc.getResultReason());
        assertNull(pc.getTransferSyntaxUID());
    }

    @Test
    void choosesTheFirstAcceptableSyntaxInTheSendersOrder() {
        PresentationContext pc = negotiate(CT, JPEG_LS, JPEG_LS_NEAR, "1.2.840.10008.1.2.4.70", EXPLICIT_LE);
        assertEquals(TransferSyntaxPolicy.ACCEPTANCE, pc.getResultReason());
        assertEquals(List.of("1.2.840.10008.1.2.4.70"), pc.getTransferSyntaxUIDs());
        assertEquals(IMPLICIT_LE, negotiate(MR, IMPLICIT_LE, EXPLICIT_LE).getTransferSyntaxUID());
    }

    @Test
    void acceptsImageStorageAndVerificationOnly() {
        for (String sopClass : new String[] {CT, MR, ENHANCED_CT, DX}) {
            assertEquals(TransferSyntaxPolicy.ACCEPTANCE, negotiate(sopClass, EXPLICIT_LE).getResultReason(), sopClass);
        }
        assertEquals(TransferSyntaxPolicy.ACCEPTANCE, negotiate(VERIFICATION, IMPLICIT_LE).getResultReason());
        for (String other : new String[] {TestFiles.BASIC_TEXT_SR, "1.2.840.10008.5.1.4.1.1.66" /* raw data */,
                "1.2.840.10008.5.1.4.1.2.2.1" /* study root find */, "1.2.840.10008.5.1.4.1.1.104.1" /* PDF */}) {
            assertEquals(TransferSyntaxPolicy.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    negotiate(other, EXPLICIT_LE).getResultReason(), other);
        }
        assertTrue(TransferSyntaxPolicy.storable(CT));
        assertFalse(TransferSyntaxPolicy.storable(VERIFICATION));
        assertFalse(TransferSyntaxPolicy.storable(TestFiles.BASIC_TEXT_SR));
    }

    @Test
    void decidesEveryContextOfAnAssociationOnItsOwn() {
        LinkedList<PresentationContext> pcs = new LinkedList<>();
        pcs.add(new PresentationContext((byte) 1, CT, new LinkedList<>(List.of(JPEG_LS))));
        pcs.add(new PresentationContext((byte) 3, CT, new LinkedList<>(List.of(EXPLICIT_LE))));
        pcs.add(new PresentationContext((byte) 5, TestFiles.BASIC_TEXT_SR, new LinkedList<>(List.of(EXPLICIT_LE))));
        new TransferSyntaxPolicy().applyPresentationContextSelectionPolicy(pcs, 1);
        assertEquals(TransferSyntaxPolicy.TRANSFER_SYNTAXES_NOT_SUPPORTED, pcs.get(0).getResultReason());
        assertEquals(TransferSyntaxPolicy.ACCEPTANCE, pcs.get(1).getResultReason());
        assertEquals(TransferSyntaxPolicy.ABSTRACT_SYNTAX_NOT_SUPPORTED, pcs.get(2).getResultReason());
    }

    private static PresentationContext negotiate(String abstractSyntax, String... transferSyntaxes) {
        LinkedList<PresentationContext> pcs = new LinkedList<>();
        pcs.add(new PresentationContext((byte) 1, abstractSyntax, new LinkedList<>(List.of(transferSyntaxes))));
        new TransferSyntaxPolicy().applyPresentationContextSelectionPolicy(pcs, 1, 0);
        return pcs.get(0);
    }
}

package io.clientspace.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A deal as a manager fills the form: valid, closing in two months, with a next step due in three days. */
public final class DealTestData {

    private DealTestData() {
    }

    public static DealDraft draft(String owner) {
        DealDraft d = new DealDraft();
        d.setTitle("Website relaunch");
        d.setAmount(new BigDecimal("48000.50"));
        d.setCurrency("EUR");
        d.setExpectedClose(LocalDate.now().plusMonths(2));
        d.setOwner(owner);
        d.setNextStep("Kick-off call");
        d.setNextStepDue(LocalDate.now().plusDays(3));
        return d;
    }
}

package io.clientspace.shared;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that lives as long as the current transaction: made on first use, unbound when the transaction ends. For
 * "once per transaction" bookkeeping (which clients were notified, which tasks were opened), without a ThreadLocal
 * that outlives the transaction.
 */
public final class TransactionBound {

    private TransactionBound() {
    }

    /**
     * The value bound to {@code key} in the current transaction, made by {@code initial} on first use.
     *
     * @return null outside a transaction with synchronization
     */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> initial) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null) {
            value = initial.get();
            TransactionSynchronizationManager.bindResource(key, value);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return value;
    }
}

package app.duet.client.call.negotiation;

/**
 * Who makes the first offer. The caller offers and is the impolite peer (wins offer collisions); the callee
 * is polite (rolls back its own offer when both offer at once), as in the W3C "perfect negotiation" pattern.
 */
public enum Role {
    CALLER,
    CALLEE;

    public boolean polite() {
        return this == CALLEE;
    }
}

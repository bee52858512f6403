package app.duet.protocol;

import app.duet.protocol.Field.Format;

/**
 * A call the session is part of, returned by resume so a client that reconnected within the grace
 * period can pick the call up again. {@code caller} is true when you rang, i.e. you are the offerer.
 * {@code peerOnline} is whether the other member is connected right now (relay reaches them); absent from
 * servers before it was added, read as true.
 */
public record CallInfo(
        String callId,
        @Format(FieldFormat.CHANNEL_NAME) String channel,
        UserInfo peer,
        Media media,
        CallState state,
        Boolean caller,
        @Field.Optional Boolean peerOnline) {
}

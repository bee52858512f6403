/**
 * The values a call is described by (its state, ICE candidates and servers, chat messages, file transfer
 * updates, the far side's media state, quality snapshots, the transport's status). A leaf: these types
 * depend on nothing else in the client, so every part of a call can share them without a cycle.
 */
package app.duet.client.call.model;

// A small Duet client for the browser: the protocol of docs/protocol.md and the call flow of its
// sections 6 and 8, as a web app would write it. The Chromium anchor of the call benchmarks drives two pages of
// it (chromium-calls.mjs) through the same server and flow as the Duet clients, and reads the times below.
// Times are epoch milliseconds (performance.timeOrigin + performance.now()), so two pages compare.
'use strict';

const now = () => performance.timeOrigin + performance.now();

/** 22 URL-safe random characters: a call id no other caller picks (protocol: 16-64 of [A-Za-z0-9_-]). */
function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

class Signaling {
  constructor(url) {
    this.socket = new WebSocket(url);
    this.nextId = 1;
    this.pending = new Map();
    this.handlers = new Map();
    this.opened = new Promise((resolve, reject) => {
      this.socket.onopen = resolve;
      this.socket.onerror = () => reject(new Error('cannot reach ' + url));
    });
    this.socket.onmessage = (message) => this.receive(JSON.parse(message.data));
  }

  request(type, fields = {}) {
    const id = String(this.nextId++);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, type });
      this.socket.send(JSON.stringify({ type, id, ...fields }));
    });
  }

  /** A candidate without an id: relayed without an ok (protocol section 3). */
  send(type, fields) {
    this.socket.send(JSON.stringify({ type, ...fields }));
  }

  on(type, handler) {
    this.handlers.set(type, handler);
  }

  receive(message) {
    const waiting = message.id !== undefined && this.pending.get(message.id);
    if (waiting) {
      this.pending.delete(message.id);
      if (message.type === 'ok') {
        waiting.resolve(message.result);
      } else {
        waiting.reject(new Error(waiting.type + ': ' + message.code + ' ' + message.message));
      }
      return;
    }
    const handler = this.handlers.get(message.type);
    if (handler) {
      handler(message);
    }
  }
}

/** One person's side: signs in, rings or accepts, and records when the far side's first frame is shown. */
class DuetPeer {
  constructor(video) {
    this.video = video;
    this.width = 640;
    this.height = 480;
    this.autoAccept = false;
    this.call = null;
    this.times = {};
    this.error = null;
  }

  async signIn(url, username, password) {
    this.signaling = new Signaling(url);
    await this.signaling.opened;
    await this.signaling.request('hello', { protocolVersion: 1, client: 'duet-bench-chromium/0.1' });
    await this.signaling.request('signup', {
      username, displayName: username, email: username + '@bench.invalid', password,
    });
    this.signaling.on('call_incoming', (m) => this.incoming(m).catch((e) => this.fail(e)));
    this.signaling.on('call_accepted', (m) => this.accepted(m).catch((e) => this.fail(e)));
    this.signaling.on('offer', (m) => this.offered(m).catch((e) => this.fail(e)));
    this.signaling.on('answer', (m) => this.answered(m).catch((e) => this.fail(e)));
    this.signaling.on('candidate', (m) => this.candidate(m).catch((e) => this.fail(e)));
    this.signaling.on('call_ended', () => this.close());
  }

  /** Creates a private channel and returns a single-use invite token for the other person. */
  async createChannel(name) {
    await this.signaling.request('channel_create', { name });
    const { token } = await this.signaling.request('channel_invite_create', { channel: name });
    return token;
  }

  joinChannel(name, invite) {
    return this.signaling.request('channel_join', { name, invite });
  }

  /**
   * The caller: ICE servers, camera and peer connection while it rings; offers once accepted. It proposes
   * the call's id, as Duet's client does, so no event about the call can arrive before the id is known.
   */
  async ring(channel) {
    this.times = { ring: now() };
    const callId = randomId();
    this.call = { id: callId, early: [], session: this.createSession() };
    await this.signaling.request('call_ring', { channel, media: 'video', callId });
    await this.call.session;
  }

  async incoming(message) {
    if (!this.autoAccept) {
      return;
    }
    this.times = { accept: now() };
    this.call = { id: message.callId, early: [], session: this.createSession() };
    await this.call.session;
    await this.signaling.request('call_accept', { callId: message.callId });
  }

  async accepted(message) {
    const pc = await this.sessionOf(message.callId);
    await pc.setLocalDescription(await pc.createOffer());
    await this.signaling.request('offer', { callId: message.callId, sdp: pc.localDescription.sdp });
  }

  async offered(message) {
    const pc = await this.sessionOf(message.callId);
    await pc.setRemoteDescription({ type: 'offer', sdp: message.sdp });
    await this.flushCandidates(pc);
    await pc.setLocalDescription(await pc.createAnswer());
    await this.signaling.request('answer', { callId: message.callId, sdp: pc.localDescription.sdp });
  }

  async answered(message) {
    const pc = await this.sessionOf(message.callId);
    await pc.setRemoteDescription({ type: 'answer', sdp: message.sdp });
    await this.flushCandidates(pc);
  }

  async candidate(message) {
    const pc = await this.sessionOf(message.callId);
    const candidate = { candidate: message.candidate, sdpMid: message.sdpMid, sdpMLineIndex: message.sdpMLineIndex };
    if (pc.remoteDescription) {
      await pc.addIceCandidate(candidate);
    } else {
      this.call.early.push(candidate);
    }
  }

  async flushCandidates(pc) {
    for (const candidate of this.call.early.splice(0)) {
      await pc.addIceCandidate(candidate);
    }
  }

  async sessionOf(callId) {
    if (!this.call || this.call.id !== callId) {
      throw new Error('no call ' + callId);
    }
    return this.call.session;
  }

  async createSession() {
    const { iceServers } = await this.signaling.request('ice_servers');
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: true, video: { width: this.width, height: this.height, frameRate: 30 },
    });
    const pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle' });
    pc.createDataChannel('duet', { negotiated: true, id: 0, ordered: true });
    stream.getTracks().forEach((track) => pc.addTrack(track, stream));
    pc.onicecandidate = (event) => {
      if (event.candidate && this.call) {
        this.signaling.send('candidate', {
          callId: this.call.id, sdpMid: event.candidate.sdpMid,
          sdpMLineIndex: event.candidate.sdpMLineIndex, candidate: event.candidate.candidate,
        });
      }
    };
    pc.ontrack = (event) => {
      if (event.track.kind === 'video') {
        this.video.srcObject = new MediaStream([event.track]);
        this.video.requestVideoFrameCallback(() => { this.times.firstFrame = now(); });
        this.video.play().catch((e) => this.fail(e));
      }
    };
    this.stream = stream;
    return pc;
  }

  async hangup() {
    const id = this.call && this.call.id;
    this.close();
    if (id) {
      await this.signaling.request('call_hangup', { callId: id });
    }
  }

  close() {
    const call = this.call;
    this.call = null;
    if (call) {
      call.session.then((pc) => pc.close(), () => {});
    }
    if (this.stream) {
      this.stream.getTracks().forEach((track) => track.stop());
      this.stream = null;
    }
    this.video.srcObject = null;
  }

  fail(error) {
    this.error = String(error && error.message ? error.message : error);
  }
}

window.peer = new DuetPeer(document.getElementById('remote'));

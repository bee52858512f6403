/*
 * fakecam: LD_PRELOAD shim that shows the JVM's native libwebrtc two V4L2 cameras that do not exist,
 * so tests run the real camera path (webrtc-java's udev enumeration, libwebrtc's V4L2 capture module)
 * on machines with no camera and no v4l2loopback.
 *
 * Why each interception:
 *  - webrtc-java 0.14.0 lists cameras with libudev (subsystem "video4linux"), then opens each devnode and
 *    asks VIDIOC_QUERYCAP/ENUM_FMT; so udev_enumerate_* / udev_device_* answer for our devices.
 *  - libwebrtc (M138) finds a device by opening /dev/video0..63 and matching QUERYCAP's bus_info, then
 *    streams with REQBUFS/QUERYBUF/mmap/QBUF/STREAMON/DQBUF; so open/ioctl answer for /dev/videoN.
 *  - The fd handed out is a real memfd sized for the buffers: mmap/munmap/close then work unchanged, and
 *    we write frames straight into it at DQBUF. A memfd is always readable, so select/poll on it wait
 *    here until the next frame is due, as a real camera's fd does: the capture thread then waits outside
 *    libwebrtc's capture lock. (Waiting inside DQBUF held that lock for nearly the whole frame time and
 *    starved StopCapture, which hung a call's teardown on a loaded machine.)
 *
 * Emulated: YUYV only, sizes 320x240, 640x480, 1280x720, 30 fps; a solid colour per device plus a
 * frame counter stamped in the first bytes of row 0 (device 0 red, device 1 green).
 * Not emulated: controls, other formats, userptr/dmabuf buffers, read(), hot-plug events.
 *
 * Control (environment): DUET_FAKECAM_COUNT (default 2). DUET_FAKECAM_CONTROL=dir: while dir/videoN-gone
 * exists, /dev/videoN is unplugged (open fails with ENOENT, a streaming DQBUF fails with ENODEV). When
 * dir/start-race exists, the next camera start loses libwebrtc's start race (see pthread_create below) and
 * the file is removed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/videodev2.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* libudev's handles are opaque; declaring them here spares a build dependency on libudev-dev. */
struct udev;
struct udev_enumerate;
struct udev_list_entry;
struct udev_device;

#define MAX_DEVICES 2
#define MAX_FDS 16
#define NUM_BUFFERS 4
#define FPS 30
#define SYSPATH_PREFIX "/sys/devices/virtual/video4linux/video"

static const unsigned SIZES[][2] = {{320, 240}, {640, 480}, {1280, 720}};
#define NUM_SIZES (sizeof(SIZES) / sizeof(SIZES[0]))
/* Y, U, V of each device's colour: red and green, far apart after any codec. */
static const unsigned char COLOURS[MAX_DEVICES][3] = {{81, 90, 240}, {145, 54, 34}};
static const char *NAMES[MAX_DEVICES] = {"Duet Fake Camera 0", "Duet Fake Camera 1"};

struct fake_fd {
    int fd;            /* the memfd; -1 when the slot is free */
    int device;
    unsigned width, height;
    unsigned buffers;
    unsigned queued;   /* bit i: buffer i is queued */
    int streaming;
    unsigned long frame;
    struct timespec next;
};

static struct fake_fd fds[MAX_FDS] = {[0 ... MAX_FDS - 1] = {.fd = -1}};
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int device_count(void) {
    const char *count = getenv("DUET_FAKECAM_COUNT");
    int n = count ? atoi(count) : MAX_DEVICES;
    return n < 0 ? 0 : n > MAX_DEVICES ? MAX_DEVICES : n;
}

static int control_path(char *path, size_t size, const char *name) {
    const char *dir = getenv("DUET_FAKECAM_CONTROL");
    return dir && snprintf(path, size, "%s/%s", dir, name) < (int) size;
}

static int unplugged(int device) {
    char name[32], path[512];
    snprintf(name, sizeof name, "video%d-gone", device);
    return control_path(path, sizeof path, name) && access(path, F_OK) == 0;
}


/* The device number for "/dev/videoN" when N is one of ours, else -1. */
static int device_of_path(const char *path) {
    int n;
    char tail;
    if (!path || sscanf(path, "/dev/video%d%c", &n, &tail) != 1) return -1;
    return n >= 0 && n < device_count() ? n : -1;
}

static struct fake_fd *find(int fd) {
    for (int i = 0; i < MAX_FDS; i++)
        if (fds[i].fd == fd && fd >= 0) return &fds[i];
    return NULL;
}

static int open_fake(int device) {
    if (unplugged(device)) { errno = ENOENT; return -1; }
    char name[32];
    snprintf(name, sizeof name, "duet-fakecam%d", device);
    int fd = memfd_create(name, MFD_CLOEXEC);
    if (fd < 0) return -1;
    pthread_mutex_lock(&lock);
    struct fake_fd *slot = NULL;
    for (int i = 0; i < MAX_FDS && !slot; i++)
        if (fds[i].fd < 0) slot = &fds[i];
    if (!slot) {
        pthread_mutex_unlock(&lock);
        close(fd);
        errno = EMFILE;
        return -1;
    }
    memset(slot, 0, sizeof *slot);
    slot->fd = fd;
    slot->device = device;
    slot->width = 640;
    slot->height = 480;
    pthread_mutex_unlock(&lock);
    return fd;
}

/* --- open/close ------------------------------------------------------------------------------ */

#define REAL(name) static __typeof__(name) *real_##name; if (!real_##name) real_##name = dlsym(RTLD_NEXT, #name)

/* --- libwebrtc's start race, on demand -------------------------------------------------------
 * M138's StartCapture spawns the capture thread after STREAMON while still inside the race-checked section
 * that the thread's CaptureProcess enters first thing; if the starting thread is descheduled right after
 * the spawn, the check aborts the process (docs/webrtc-findings.md). Holding the starting thread there
 * makes that happen every time, so tests can show that a camera survives it. Whether to hold is decided
 * before the spawn: a system call between the spawn and the return (as the control file's unlink was) widens
 * the window on every start and made the abort common on a loaded machine, which real cameras do not see. */

static __thread int just_streamed_on;

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg) {
    REAL(pthread_create);
    char path[512];
    int lose_race = just_streamed_on && control_path(path, sizeof path, "start-race") && unlink(path) == 0;
    just_streamed_on = 0;
    int r = real_pthread_create(thread, attr, start, arg);
    if (lose_race)
        usleep(200 * 1000);
    return r;
}

static int open_any(const char *path, int flags, va_list ap, int (*real)(const char *, int, ...)) {
    int device = device_of_path(path);
    if (device >= 0) return open_fake(device);
    mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, mode_t) : 0;
    return real(path, flags, mode);
}

int open(const char *path, int flags, ...) {
    REAL(open);
    va_list ap; va_start(ap, flags);
    int r = open_any(path, flags, ap, real_open);
    va_end(ap);
    return r;
}

int open64(const char *path, int flags, ...) {
    REAL(open64);
    va_list ap; va_start(ap, flags);
    int r = open_any(path, flags, ap, real_open64);
    va_end(ap);
    return r;
}

int openat(int dirfd, const char *path, int flags, ...) {
    REAL(openat);
    va_list ap; va_start(ap, flags);
    int device = device_of_path(path);
    mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, mode_t) : 0;
    va_end(ap);
    return device >= 0 ? open_fake(device) : real_openat(dirfd, path, flags, mode);
}

int close(int fd) {
    REAL(close);
    pthread_mutex_lock(&lock);
    struct fake_fd *f = find(fd);
    if (f) f->fd = -1;
    pthread_mutex_unlock(&lock);
    return real_close(fd);
}

/* --- ioctl ------------------------------------------------------------------------------------ */

static size_t frame_bytes(const struct fake_fd *f) { return (size_t) f->width * f->height * 2; }

static void fill_format(const struct fake_fd *f, struct v4l2_pix_format *pix) {
    memset(pix, 0, sizeof *pix);
    pix->width = f->width;
    pix->height = f->height;
    pix->pixelformat = V4L2_PIX_FMT_YUYV;
    pix->field = V4L2_FIELD_NONE;
    pix->bytesperline = f->width * 2;
    pix->sizeimage = frame_bytes(f);
    pix->colorspace = V4L2_COLORSPACE_SRGB;
}

/* Pick the listed size nearest to the request, as a driver would. */
static void choose_size(struct fake_fd *f, unsigned width, unsigned height) {
    unsigned best = 0;
    long best_diff = -1;
    for (unsigned i = 0; i < NUM_SIZES; i++) {
        long diff = labs((long) SIZES[i][0] - width) + labs((long) SIZES[i][1] - height);
        if (best_diff < 0 || diff < best_diff) { best = i; best_diff = diff; }
    }
    f->width = SIZES[best][0];
    f->height = SIZES[best][1];
}

static void paint(struct fake_fd *f, unsigned index) {
    size_t size = frame_bytes(f);
    unsigned char *p = mmap(NULL, size, PROT_WRITE, MAP_SHARED, f->fd, (off_t) index * size);
    if (p == MAP_FAILED) return;
    const unsigned char *c = COLOURS[f->device];
    for (size_t i = 0; i < size; i += 4) {
        p[i] = c[0]; p[i + 1] = c[1]; p[i + 2] = c[0]; p[i + 3] = c[2];
    }
    memcpy(p, &f->frame, sizeof f->frame); /* a counter, so consecutive frames differ */
    munmap(p, size);
}

static long long nanos(const struct timespec *t) { return t->tv_sec * 1000000000LL + t->tv_nsec; }

static long long now_nanos(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return nanos(&now);
}

/* The frame after this one is due a frame time later; a consumer that fell far behind starts afresh. */
static void frame_taken(struct fake_fd *f) {
    long long now = now_nanos(), next = nanos(&f->next) + 1000000000LL / FPS;
    if (next < now - 1000000000LL) next = now;
    f->next.tv_sec = next / 1000000000LL;
    f->next.tv_nsec = next % 1000000000LL;
}

static int fail(int err) { errno = err; return -1; }

static int fake_ioctl(struct fake_fd *f, unsigned long request, void *arg) {
    /* webrtc-java passes the request as an int, which sign-extends; the kernel uses the low 32 bits too. */
    switch ((unsigned int) request) {
    case VIDIOC_QUERYCAP: {
        struct v4l2_capability *cap = arg;
        memset(cap, 0, sizeof *cap);
        strcpy((char *) cap->driver, "duet-fakecam");
        snprintf((char *) cap->card, sizeof cap->card, "%s", NAMES[f->device]);
        snprintf((char *) cap->bus_info, sizeof cap->bus_info, "platform:duet-fakecam-%d", f->device);
        cap->version = 0x060100;
        cap->device_caps = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_STREAMING;
        cap->capabilities = cap->device_caps | V4L2_CAP_DEVICE_CAPS;
        return 0;
    }
    case VIDIOC_ENUM_FMT: {
        struct v4l2_fmtdesc *d = arg;
        if (d->index != 0 || d->type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return fail(EINVAL);
        d->pixelformat = V4L2_PIX_FMT_YUYV;
        d->flags = 0;
        strcpy((char *) d->description, "YUYV 4:2:2");
        return 0;
    }
    case VIDIOC_ENUM_FRAMESIZES: {
        struct v4l2_frmsizeenum *s = arg;
        if (s->pixel_format != V4L2_PIX_FMT_YUYV || s->index >= NUM_SIZES) return fail(EINVAL);
        s->type = V4L2_FRMSIZE_TYPE_DISCRETE;
        s->discrete.width = SIZES[s->index][0];
        s->discrete.height = SIZES[s->index][1];
        return 0;
    }
    case VIDIOC_ENUM_FRAMEINTERVALS: {
        struct v4l2_frmivalenum *i = arg;
        if (i->pixel_format != V4L2_PIX_FMT_YUYV || i->index != 0) return fail(EINVAL);
        i->type = V4L2_FRMIVAL_TYPE_DISCRETE;
        i->discrete.numerator = 1;
        i->discrete.denominator = FPS;
        return 0;
    }
    case VIDIOC_G_FMT:
    case VIDIOC_S_FMT:
    case VIDIOC_TRY_FMT: {
        struct v4l2_format *fmt = arg;
        if (fmt->type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return fail(EINVAL);
        if ((unsigned int) request == VIDIOC_G_FMT) { fill_format(f, &fmt->fmt.pix); return 0; }
        if (f->streaming) return fail(EBUSY);
        struct fake_fd chosen = *f;
        choose_size(&chosen, fmt->fmt.pix.width, fmt->fmt.pix.height);
        if ((unsigned int) request == VIDIOC_S_FMT) *f = chosen;
        fill_format(&chosen, &fmt->fmt.pix);
        return 0;
    }
    case VIDIOC_G_PARM:
    case VIDIOC_S_PARM: {
        struct v4l2_streamparm *p = arg;
        if (p->type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return fail(EINVAL);
        memset(&p->parm.capture, 0, sizeof p->parm.capture);
        p->parm.capture.capability = V4L2_CAP_TIMEPERFRAME;
        p->parm.capture.timeperframe.numerator = 1;
        p->parm.capture.timeperframe.denominator = FPS;
        p->parm.capture.readbuffers = NUM_BUFFERS;
        return 0;
    }
    case VIDIOC_REQBUFS: {
        struct v4l2_requestbuffers *r = arg;
        if (r->memory != V4L2_MEMORY_MMAP) return fail(EINVAL);
        if (f->streaming && r->count) return fail(EBUSY);
        r->count = r->count > NUM_BUFFERS ? NUM_BUFFERS : r->count;
        if (ftruncate(f->fd, (off_t) r->count * frame_bytes(f)) < 0) return -1;
        f->buffers = r->count;
        f->queued = 0;
        return 0;
    }
    case VIDIOC_QUERYBUF:
    case VIDIOC_QBUF: {
        struct v4l2_buffer *b = arg;
        if (b->index >= f->buffers || b->memory != V4L2_MEMORY_MMAP) return fail(EINVAL);
        if ((unsigned int) request == VIDIOC_QBUF) f->queued |= 1u << b->index;
        b->length = frame_bytes(f);
        b->m.offset = b->index * frame_bytes(f);
        b->flags = (f->queued >> b->index & 1) ? V4L2_BUF_FLAG_QUEUED : 0;
        b->field = V4L2_FIELD_NONE;
        return 0;
    }
    case VIDIOC_DQBUF: {
        struct v4l2_buffer *b = arg;
        if (!f->streaming) return fail(EINVAL);
        if (now_nanos() < nanos(&f->next)) return fail(EAGAIN); /* the fd is non-blocking */
        if (unplugged(f->device)) {
            frame_taken(f); /* select waits a frame time before the next try: no spinning */
            return fail(ENODEV);
        }
        unsigned index = 0;
        while (index < f->buffers && !(f->queued >> index & 1)) index++;
        if (index == f->buffers) return fail(EAGAIN);
        frame_taken(f);
        paint(f, index);
        f->queued &= ~(1u << index);
        memset(b, 0, sizeof *b);
        b->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        b->memory = V4L2_MEMORY_MMAP;
        b->index = index;
        b->bytesused = b->length = frame_bytes(f);
        b->m.offset = index * frame_bytes(f);
        b->field = V4L2_FIELD_NONE;
        b->sequence = f->frame++;
        b->timestamp.tv_sec = f->next.tv_sec;
        b->timestamp.tv_usec = f->next.tv_nsec / 1000;
        return 0;
    }
    case VIDIOC_STREAMON:
        if (unplugged(f->device)) return fail(ENODEV);
        f->streaming = 1;
        clock_gettime(CLOCK_MONOTONIC, &f->next); /* the first frame is due at once */
        just_streamed_on = 1;
        return 0;
    case VIDIOC_STREAMOFF:
        f->streaming = 0;
        f->queued = 0;
        return 0;
    default:
        return fail(ENOTTY);
    }
}

int ioctl(int fd, unsigned long request, ...) {
    REAL(ioctl);
    va_list ap; va_start(ap, request);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    pthread_mutex_lock(&lock);
    struct fake_fd *f = find(fd);
    if (!f) {
        pthread_mutex_unlock(&lock);
        return real_ioctl(fd, request, arg);
    }
    int r = fake_ioctl(f, request, arg);
    int err = errno;
    pthread_mutex_unlock(&lock);
    errno = err;
    return r;
}

/* --- select/poll: a camera's fd is readable once a frame is due -------------------------------- */

/* Waits until fd's next frame is due, or timeout_ns (-1: no limit) passes; 1 when readable, else 0. */
static int wait_readable(int fd, long long timeout_ns) {
    pthread_mutex_lock(&lock);
    struct fake_fd *f = find(fd);
    long long due = f && f->streaming ? nanos(&f->next) : 0;
    pthread_mutex_unlock(&lock);
    long long now = now_nanos();
    if (due <= now) return 1; /* not streaming answers at once too, as a real device's error does */
    int ready = timeout_ns < 0 || now + timeout_ns >= due;
    long long until = ready ? due : now + timeout_ns;
    struct timespec t = {until / 1000000000LL, until % 1000000000LL};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) == EINTR) {
    }
    return ready;
}

static int is_fake(int fd) {
    pthread_mutex_lock(&lock);
    int fake = find(fd) != NULL;
    pthread_mutex_unlock(&lock);
    return fake;
}

/* libwebrtc's capture thread asks about its one device fd; anything else goes to the real call. */
int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout) {
    REAL(select);
    int fd = nfds - 1;
    if (!readfds || fd < 0 || !FD_ISSET(fd, readfds) || !is_fake(fd))
        return real_select(nfds, readfds, writefds, exceptfds, timeout);
    long long limit = timeout ? timeout->tv_sec * 1000000000LL + timeout->tv_usec * 1000LL : -1;
    int ready = wait_readable(fd, limit);
    FD_ZERO(readfds);
    if (writefds) FD_ZERO(writefds);
    if (exceptfds) FD_ZERO(exceptfds);
    if (ready) FD_SET(fd, readfds);
    return ready;
}

int poll(struct pollfd *pfds, nfds_t n, int timeout_ms) {
    REAL(poll);
    if (n != 1 || !(pfds[0].events & POLLIN) || !is_fake(pfds[0].fd)) return real_poll(pfds, n, timeout_ms);
    int ready = wait_readable(pfds[0].fd, timeout_ms < 0 ? -1 : timeout_ms * 1000000LL);
    pfds[0].revents = ready ? POLLIN : 0;
    return ready;
}

/* --- udev: webrtc-java's camera list ------------------------------------------------------------ */

/* The JVM loads webrtc-java's library (and with it libudev) with RTLD_LOCAL, out of RTLD_NEXT's sight. */
static void *libudev(void) {
    static void *handle;
    if (!handle) handle = dlopen("libudev.so.1", RTLD_NOW);
    return handle;
}

#define REAL_UDEV(name) static __typeof__(name) *real_##name; if (!real_##name) real_##name = dlsym(libudev(), #name)

/* Opaque to callers, so our own storage stands in for libudev's list entries and devices. */
struct fake_entry { char syspath[64]; int next; };
static struct fake_entry entries[MAX_DEVICES];
static struct udev_enumerate *video_enumerate; /* the enumerate that asked for "video4linux" */

static int entry_index(const void *p) {
    const char *c = p, *base = (const char *) entries;
    return c >= base && c < base + sizeof entries ? (int) ((c - base) / sizeof entries[0]) : -1;
}

int udev_enumerate_add_match_subsystem(struct udev_enumerate *e, const char *subsystem) {
    REAL_UDEV(udev_enumerate_add_match_subsystem);
    if (subsystem && strcmp(subsystem, "video4linux") == 0) video_enumerate = e;
    return real_udev_enumerate_add_match_subsystem(e, subsystem);
}

struct udev_list_entry *udev_enumerate_get_list_entry(struct udev_enumerate *e) {
    REAL_UDEV(udev_enumerate_get_list_entry);
    if (e != video_enumerate) return real_udev_enumerate_get_list_entry(e);
    int first = -1, last = -1;
    for (int i = 0; i < device_count(); i++) {
        if (unplugged(i)) continue;
        snprintf(entries[i].syspath, sizeof entries[i].syspath, SYSPATH_PREFIX "%d", i);
        entries[i].next = -1;
        if (last >= 0) entries[last].next = i; else first = i;
        last = i;
    }
    return first < 0 ? NULL : (struct udev_list_entry *) &entries[first];
}

struct udev_enumerate *udev_enumerate_unref(struct udev_enumerate *e) {
    REAL_UDEV(udev_enumerate_unref);
    if (e == video_enumerate) video_enumerate = NULL;
    return real_udev_enumerate_unref(e);
}

struct udev_list_entry *udev_list_entry_get_next(struct udev_list_entry *entry) {
    REAL_UDEV(udev_list_entry_get_next);
    int i = entry_index(entry);
    if (i < 0) return real_udev_list_entry_get_next(entry);
    return entries[i].next < 0 ? NULL : (struct udev_list_entry *) &entries[entries[i].next];
}

const char *udev_list_entry_get_name(struct udev_list_entry *entry) {
    REAL_UDEV(udev_list_entry_get_name);
    int i = entry_index(entry);
    return i < 0 ? real_udev_list_entry_get_name(entry) : entries[i].syspath;
}

/* A fake udev_device is a pointer to a static devnode string. */
static char devnodes[MAX_DEVICES][24];

static int devnode_index(const void *p) {
    const char *c = p, *base = (const char *) devnodes;
    return c >= base && c < base + sizeof devnodes ? (int) ((c - base) / sizeof devnodes[0]) : -1;
}

struct udev_device *udev_device_new_from_syspath(struct udev *udev, const char *syspath) {
    REAL_UDEV(udev_device_new_from_syspath);
    int n;
    if (syspath && sscanf(syspath, SYSPATH_PREFIX "%d", &n) == 1 && n >= 0 && n < device_count()) {
        snprintf(devnodes[n], sizeof devnodes[n], "/dev/video%d", n);
        return (struct udev_device *) devnodes[n];
    }
    return real_udev_device_new_from_syspath(udev, syspath);
}

const char *udev_device_get_devnode(struct udev_device *dev) {
    REAL_UDEV(udev_device_get_devnode);
    int i = devnode_index(dev);
    return i < 0 ? real_udev_device_get_devnode(dev) : devnodes[i];
}

struct udev_device *udev_device_unref(struct udev_device *dev) {
    REAL_UDEV(udev_device_unref);
    return devnode_index(dev) < 0 ? real_udev_device_unref(dev) : NULL;
}

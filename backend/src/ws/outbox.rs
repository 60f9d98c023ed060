//! A connection's bounded send buffer and the task that writes it to the socket.
//!
//! The session never waits on a slow client: it puts messages in a bounded queue that a writer
//! task drains into the socket (the shape of axum's chat example). The election's broadcaster
//! puts its batches in the same queue (see [`crate::api::viewers`]), so a viewer's frames keep
//! one order. When the queue is full the client is not keeping up; the session then closes it
//! with [`CLOSE_SLOW_CONSUMER`] through a signal that jumps the queue, since what is queued is
//! stale anyway: the `hello` on reconnect resynchronises.
//!
//! The writer feeds every frame it has at hand to the socket and flushes once: a batch of
//! several frames costs one `write` system call, not one per frame.
//!
//! [`CLOSE_SLOW_CONSUMER`]: shared::ws::CLOSE_SLOW_CONSUMER

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes};
use futures_util::{Sink, SinkExt};
use shared::ws::ServerMessage;
use tokio::sync::mpsc::{self, error::TrySendError};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::api::viewers::{Outgoing, Viewer};

/// How many items may wait for one connection: a message of its own, or a batch of frames (at
/// most ten a second from the broadcaster). A tally screen drains its pushes in milliseconds; a
/// client this far behind has stalled.
pub const SEND_BUFFER: usize = 128;
/// How long a closing writer may take to flush before the connection is dropped.
const CLOSE_GRACE: Duration = Duration::from_secs(5);
/// How many queued items the writer takes into one flush, so that a client that is behind
/// still gets its frames in a few large writes rather than many small ones.
const ITEMS_PER_FLUSH: usize = 16;

/// Why a message could not be queued.
#[derive(Debug, PartialEq, Eq)]
pub enum PushError {
    /// The buffer is full: the client is too slow.
    Full,
    /// The writer has stopped: the socket is gone.
    Gone,
}

/// One push for a connection: its own message, or text shared with other viewers (a handle
/// to bytes serialised once, see [`crate::api::frames`]).
pub enum Push {
    Own(ServerMessage),
    Shared(Utf8Bytes),
}

impl From<ServerMessage> for Push {
    fn from(message: ServerMessage) -> Self {
        Push::Own(message)
    }
}

impl Push {
    /// The push's text: shared bytes as they are, its own message serialised now.
    pub fn into_text(self) -> Option<Utf8Bytes> {
        match self {
            Push::Own(message) => crate::api::frames::serialise(&message),
            Push::Shared(text) => Some(text),
        }
    }
}

/// The frames of `pushes`, to be written back to back.
pub fn texts(pushes: Vec<Push>) -> Arc<[Utf8Bytes]> {
    pushes.into_iter().filter_map(Push::into_text).collect()
}

/// The sending side of a connection.
pub struct Outbox {
    queue: mpsc::Sender<Outgoing>,
    /// The close that jumps the queue (capacity 1; only the first is sent).
    urgent: mpsc::Sender<CloseFrame>,
    /// Set by whoever finds the queue full while the session is not looking (the broadcaster).
    too_slow: CancellationToken,
    writer: JoinHandle<()>,
}

impl Outbox {
    /// Starts the writer task on `sink` with room for `capacity` waiting items.
    pub fn spawn<S>(sink: S, capacity: usize) -> Outbox
    where
        S: Sink<Message> + Unpin + Send + 'static,
    {
        let (queue, queued) = mpsc::channel(capacity.max(1));
        let (urgent, urgent_rx) = mpsc::channel(1);
        let writer = tokio::spawn(write(sink, queued, urgent_rx));
        Outbox {
            queue,
            urgent,
            too_slow: CancellationToken::new(),
            writer,
        }
    }

    /// This connection as an election's room holds it.
    pub fn viewer(&self) -> Viewer {
        Viewer {
            queue: self.queue.clone(),
            too_slow: self.too_slow.clone(),
        }
    }

    /// Resolves once the broadcaster found this connection's queue full.
    pub async fn fell_behind(&self) {
        self.too_slow.cancelled().await
    }

    /// Queues one message without waiting.
    pub fn push(&self, message: &ServerMessage) -> Result<(), PushError> {
        match crate::api::frames::serialise(message) {
            Some(text) => self.push_frame(Outgoing::One(Message::Text(text))),
            None => Ok(()),
        }
    }

    /// Queues several pushes as one item: written back to back, flushed once.
    pub fn push_all(&self, pushes: Vec<Push>) -> Result<(), PushError> {
        let frames = texts(pushes);
        if frames.is_empty() {
            return Ok(());
        }
        self.push_frame(Outgoing::Frames(frames))
    }

    /// Queues a close after the messages already queued (an `error` explaining it, say).
    pub fn close_after_queue(&self, code: u16, reason: &'static str) -> Result<(), PushError> {
        self.push_frame(Outgoing::One(Message::Close(Some(close_frame(
            code, reason,
        )))))
    }

    /// Closes ahead of whatever is queued, then waits (a bounded time) for the writer.
    pub async fn close_now(self, code: u16, reason: &'static str) {
        let _ = self.urgent.try_send(close_frame(code, reason));
        self.finish().await;
    }

    /// Lets the writer send what is queued and stop; drops the connection if it cannot
    /// within [`CLOSE_GRACE`] (a client that does not read at all). A room may still hold a
    /// sender of the queue until the session leaves it; the writer stops at the close anyway.
    pub async fn finish(self) {
        let Outbox {
            queue,
            urgent,
            writer,
            ..
        } = self;
        drop(queue);
        drop(urgent);
        let abort = writer.abort_handle();
        if tokio::time::timeout(CLOSE_GRACE, writer).await.is_err() {
            abort.abort();
        }
    }

    fn push_frame(&self, item: Outgoing) -> Result<(), PushError> {
        self.queue.try_send(item).map_err(|error| match error {
            TrySendError::Full(_) => PushError::Full,
            TrySendError::Closed(_) => PushError::Gone,
        })
    }
}

fn close_frame(code: u16, reason: &'static str) -> CloseFrame {
    CloseFrame {
        code,
        reason: reason.into(),
    }
}

/// The writer: an urgent close first, else the queue in order, each round's frames flushed
/// once; stops after a close, when the queue ends or when the socket fails.
async fn write<S>(
    mut sink: S,
    mut queued: mpsc::Receiver<Outgoing>,
    mut urgent: mpsc::Receiver<CloseFrame>,
) where
    S: Sink<Message> + Unpin,
{
    let mut urgent_open = true;
    loop {
        let first = tokio::select! {
            biased;
            close = urgent.recv(), if urgent_open => match close {
                Some(close) => Outgoing::One(Message::Close(Some(close))),
                None => {
                    urgent_open = false;
                    continue;
                }
            },
            next = queued.recv() => match next {
                Some(item) => item,
                None => break,
            },
        };
        let mut closing = false;
        let mut item = Some(first);
        let mut taken = 1;
        while let Some(next) = item.take() {
            match feed(&mut sink, next).await {
                Ok(closed) => closing = closed,
                Err(()) => {
                    let _ = sink.close().await;
                    return;
                }
            }
            if closing || taken >= ITEMS_PER_FLUSH {
                break;
            }
            // More already waiting goes out in the same write; a pending urgent close does not
            // wait behind it.
            if urgent_open && !urgent.is_empty() {
                break;
            }
            item = queued.try_recv().ok();
            taken += 1;
        }
        if sink.flush().await.is_err() || closing {
            break;
        }
    }
    let _ = sink.close().await;
}

/// Feeds one item's frames to the socket without flushing; says whether it was a close.
async fn feed<S>(sink: &mut S, item: Outgoing) -> Result<bool, ()>
where
    S: Sink<Message> + Unpin,
{
    match item {
        Outgoing::One(frame) => {
            let closing = matches!(frame, Message::Close(_));
            sink.feed(frame).await.map_err(|_| ())?;
            Ok(closing)
        }
        Outgoing::Frames(frames) => {
            for text in frames.iter() {
                sink.feed(Message::Text(text.clone()))
                    .await
                    .map_err(|_| ())?;
            }
            Ok(false)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;
    use std::sync::Arc;

    use tokio::sync::{mpsc, Semaphore};

    use super::*;

    /// A socket that writes only as `gate` lets it, reporting each frame written.
    fn gated_sink(
        gate: Arc<Semaphore>,
        written: mpsc::UnboundedSender<Message>,
    ) -> impl Sink<Message> + Unpin + Send + 'static {
        Box::pin(futures_util::sink::unfold(
            (gate, written),
            |(gate, written), frame: Message| async move {
                gate.acquire().await.expect("gate open").forget();
                let _ = written.send(frame);
                Ok::<_, Infallible>((gate, written))
            },
        ))
    }

    fn error_message() -> ServerMessage {
        ServerMessage::Error {
            error: shared::ErrorCode::BadRequest,
            message: "test".into(),
        }
    }

    async fn written_frames(mut written: mpsc::UnboundedReceiver<Message>) -> Vec<Message> {
        let mut frames = Vec::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while let Ok(Some(frame)) = tokio::time::timeout_at(deadline, written.recv()).await {
            frames.push(frame);
        }
        frames
    }

    fn close_code(frame: &Message) -> Option<u16> {
        match frame {
            Message::Close(Some(close)) => Some(close.code),
            _ => None,
        }
    }

    #[tokio::test]
    async fn a_client_that_does_not_read_fills_its_buffer_and_is_closed_with_4008() {
        let gate = Arc::new(Semaphore::new(0));
        let (written_tx, written) = mpsc::unbounded_channel();
        let outbox = Outbox::spawn(gated_sink(gate.clone(), written_tx), 2);
        // The writer may hold one frame in flight; beyond that and the two buffered, the
        // buffer is full.
        let pushed = (0..10)
            .map(|_| outbox.push(&error_message()))
            .take_while(Result::is_ok)
            .count();
        assert!((2..=3).contains(&pushed), "{pushed} pushed before full");
        assert_eq!(outbox.push(&error_message()), Err(PushError::Full));

        // The client starts reading again: it gets at most the frame in flight, then the close.
        gate.add_permits(100);
        outbox
            .close_now(shared::ws::CLOSE_SLOW_CONSUMER, "too slow")
            .await;
        let frames = written_frames(written).await;
        let (last, before) = frames.split_last().expect("a close was written");
        assert_eq!(close_code(last), Some(shared::ws::CLOSE_SLOW_CONSUMER));
        assert!(
            before.len() <= 1,
            "the queued backlog is skipped: {before:?}"
        );
    }

    #[tokio::test]
    async fn a_close_after_the_queue_follows_the_messages_before_it() {
        let gate = Arc::new(Semaphore::new(100));
        let (written_tx, written) = mpsc::unbounded_channel();
        let outbox = Outbox::spawn(gated_sink(gate, written_tx), 8);
        outbox.push(&error_message()).unwrap();
        outbox
            .close_after_queue(shared::ws::CLOSE_UNAUTHORIZED, "refused")
            .unwrap();
        outbox.finish().await;
        let frames = written_frames(written).await;
        assert_eq!(frames.len(), 2, "{frames:?}");
        assert!(matches!(frames[0], Message::Text(_)));
        assert_eq!(close_code(&frames[1]), Some(shared::ws::CLOSE_UNAUTHORIZED));
    }

    /// A socket that records each frame fed and each flush (`None`).
    #[derive(Clone, Default)]
    struct Recording(Arc<std::sync::Mutex<Vec<Option<Message>>>>);

    impl Sink<Message> for Recording {
        type Error = Infallible;

        fn poll_ready(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Result<(), Infallible>> {
            std::task::Poll::Ready(Ok(()))
        }

        fn start_send(self: std::pin::Pin<&mut Self>, frame: Message) -> Result<(), Infallible> {
            self.0.lock().unwrap().push(Some(frame));
            Ok(())
        }

        fn poll_flush(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Result<(), Infallible>> {
            self.0.lock().unwrap().push(None);
            std::task::Poll::Ready(Ok(()))
        }

        fn poll_close(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Result<(), Infallible>> {
            std::task::Poll::Ready(Ok(()))
        }
    }

    #[tokio::test]
    async fn what_is_queued_is_written_back_to_back_with_one_flush() {
        let socket = Recording::default();
        let outbox = Outbox::spawn(socket.clone(), 8);
        // Queued before the writer first runs (one thread): two items, five frames.
        outbox
            .push_all(vec![error_message().into(), error_message().into()])
            .unwrap();
        let shared: Arc<[Utf8Bytes]> = vec!["a".into(), "b".into(), "c".into()].into();
        outbox
            .viewer()
            .queue
            .try_send(Outgoing::Frames(shared))
            .unwrap();
        outbox.finish().await;
        let written = socket.0.lock().unwrap();
        let flushes: Vec<usize> = written
            .iter()
            .enumerate()
            .filter_map(|(i, w)| w.is_none().then_some(i))
            .collect();
        assert_eq!(flushes, [5], "five frames, then one flush: {written:?}");
        let texts: Vec<&str> = written[2..5]
            .iter()
            .map(|w| match w {
                Some(Message::Text(text)) => text.as_str(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(texts, ["a", "b", "c"], "in the order queued");
    }
}

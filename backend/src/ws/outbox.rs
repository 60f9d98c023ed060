//! A connection's bounded send buffer and the task that writes it to the socket.
//!
//! The session never waits on a slow client: it puts messages in a bounded queue that a writer
//! task drains into the socket (the shape of axum's chat example). When the queue is full the
//! client is not keeping up; the session then closes it with [`CLOSE_SLOW_CONSUMER`] through
//! a signal that jumps the queue, since what is queued is stale anyway: the `hello` on
//! reconnect resynchronises.
//!
//! [`CLOSE_SLOW_CONSUMER`]: shared::ws::CLOSE_SLOW_CONSUMER

use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes};
use futures_util::{Sink, SinkExt};
use shared::ws::ServerMessage;
use tokio::sync::mpsc::{self, error::TrySendError};
use tokio::task::JoinHandle;

/// How many messages may wait for one connection. A tally screen drains its pushes in
/// milliseconds; a client this far behind has stalled.
pub const SEND_BUFFER: usize = 128;
/// How long a closing writer may take to flush before the connection is dropped.
const CLOSE_GRACE: Duration = Duration::from_secs(5);

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

/// The sending side of a connection.
pub struct Outbox {
    queue: mpsc::Sender<Message>,
    /// The close that jumps the queue (capacity 1; only the first is sent).
    urgent: mpsc::Sender<CloseFrame>,
    writer: JoinHandle<()>,
}

impl Outbox {
    /// Starts the writer task on `sink` with room for `capacity` waiting messages.
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
            writer,
        }
    }

    /// Queues one message without waiting.
    pub fn push(&self, message: &ServerMessage) -> Result<(), PushError> {
        match crate::api::frames::serialise(message) {
            Some(text) => self.push_frame(Message::Text(text)),
            None => Ok(()),
        }
    }

    /// Queues text serialised once for many connections; only a handle is queued.
    pub fn push_shared(&self, text: Utf8Bytes) -> Result<(), PushError> {
        self.push_frame(Message::Text(text))
    }

    pub fn push_all(&self, pushes: Vec<Push>) -> Result<(), PushError> {
        pushes.into_iter().try_for_each(|push| match push {
            Push::Own(message) => self.push(&message),
            Push::Shared(text) => self.push_shared(text),
        })
    }

    /// Queues a close after the messages already queued (an `error` explaining it, say).
    pub fn close_after_queue(&self, code: u16, reason: &'static str) -> Result<(), PushError> {
        self.push_frame(Message::Close(Some(close_frame(code, reason))))
    }

    /// Closes ahead of whatever is queued, then waits (a bounded time) for the writer.
    pub async fn close_now(self, code: u16, reason: &'static str) {
        let _ = self.urgent.try_send(close_frame(code, reason));
        self.finish().await;
    }

    /// Lets the writer send what is queued and stop; drops the connection if it cannot
    /// within [`CLOSE_GRACE`] (a client that does not read at all).
    pub async fn finish(self) {
        let Outbox {
            queue,
            urgent,
            writer,
        } = self;
        drop(queue);
        drop(urgent);
        let abort = writer.abort_handle();
        if tokio::time::timeout(CLOSE_GRACE, writer).await.is_err() {
            abort.abort();
        }
    }

    fn push_frame(&self, frame: Message) -> Result<(), PushError> {
        self.queue.try_send(frame).map_err(|error| match error {
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

/// The writer: an urgent close first, else the queue in order; stops after a close, when
/// the queue ends or when the socket fails.
async fn write<S>(
    mut sink: S,
    mut queued: mpsc::Receiver<Message>,
    mut urgent: mpsc::Receiver<CloseFrame>,
) where
    S: Sink<Message> + Unpin,
{
    let mut urgent_open = true;
    loop {
        let frame = tokio::select! {
            biased;
            close = urgent.recv(), if urgent_open => match close {
                Some(close) => Message::Close(Some(close)),
                None => {
                    urgent_open = false;
                    continue;
                }
            },
            next = queued.recv() => match next {
                Some(frame) => frame,
                None => break,
            },
        };
        let closing = matches!(frame, Message::Close(_));
        if sink.send(frame).await.is_err() || closing {
            break;
        }
    }
    let _ = sink.close().await;
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
}

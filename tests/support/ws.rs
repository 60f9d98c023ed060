//! The WebSocket pushes of a node, as a test reads them.

use std::time::Duration;

use futures_util::StreamExt;
use shared::ws::ServerMessage;
use tokio_tungstenite::tungstenite::Message;

/// Generous: the machine may be compiling while the tests run.
const PUSH_DEADLINE: Duration = Duration::from_secs(30);

pub type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens `/ws{query}` on the node at `base_url` (`http://host:port`).
pub async fn connect(base_url: &str, query: &str) -> Socket {
    let url = format!("{}/ws{query}", base_url.replacen("http", "ws", 1));
    tokio_tungstenite::connect_async(url)
        .await
        .expect("websocket connects")
        .0
}

/// Reads pushes until one satisfies `wanted`; fails the test if none does in time.
pub async fn next_matching(
    socket: &mut Socket,
    wanted: impl Fn(&ServerMessage) -> bool,
) -> ServerMessage {
    next_text_matching(socket, wanted).await.0
}

/// As [`next_matching`], with the push's text exactly as it came over the wire.
pub async fn next_text_matching(
    socket: &mut Socket,
    wanted: impl Fn(&ServerMessage) -> bool,
) -> (ServerMessage, String) {
    let deadline = tokio::time::Instant::now() + PUSH_DEADLINE;
    loop {
        let frame = tokio::time::timeout_at(deadline, socket.next())
            .await
            .expect("push in time");
        if let Some(Ok(Message::Text(text))) = frame {
            let message: ServerMessage = serde_json::from_str(&text).expect("a typed push");
            if wanted(&message) {
                return (message, text.to_string());
            }
        }
    }
}

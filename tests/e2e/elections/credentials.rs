//! An election made through the admin's form, run to publication with a credential roll and
//! re-voting, checked from every page that shows it.

use serde_json::json;

use super::{confirm, linked_text, log_in_with, value, wait_gone, ROLL};
use crate::helpers::{
    click, find, screenshot, spawn_app, type_into, wait_enabled, wait_text, Driver, Text,
    ADMIN_TOKEN,
};

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_creates_an_election_imports_a_roll_and_a_voter_votes_twice() {
    let app = spawn_app().await;
    let driver = Driver::start().await;

    // The new-election form, behind the same token gate as /admin.
    let admin = driver.open(&app.url("/admin/elections"), 1366, 1700).await;
    type_into(&admin, "#admin-token", ADMIN_TOKEN).await;
    click(&admin, "#admin-token-submit").await;
    wait_text(
        &admin,
        "[data-testid=election-list]",
        Text::Contains("default"),
    )
    .await;
    type_into(&admin, "#election-title", "Board election 2027").await;
    type_into(&admin, "#election-description", "Three seats on the board.").await;
    type_into(&admin, "#candidate-name-0", "Ada").await;
    type_into(&admin, "#candidate-description-0", "Treasurer since 2024").await;
    type_into(&admin, "#candidate-name-1", "Chen").await;
    click(&admin, "#candidate-add").await;
    type_into(&admin, "#candidate-name-2", "Brian").await;
    // Brian moves above Chen; a fourth row is added, then removed.
    click(&admin, "#candidate-up-2").await;
    assert_eq!(value(&admin, "#candidate-name-1").await, "Brian");
    assert_eq!(value(&admin, "#candidate-name-2").await, "Chen");
    click(&admin, "#candidate-add").await;
    type_into(&admin, "#candidate-name-3", "Temporary").await;
    click(&admin, "#candidate-remove-3").await;
    let rows = admin
        .execute(
            "return document.querySelectorAll('[data-testid=candidate-row]').length;",
            vec![],
        )
        .await
        .expect("counting rows");
    assert_eq!(rows, json!(3));
    click(&admin, "#option-revoting").await;
    click(&admin, "#option-live-results").await;
    screenshot(&admin, "admin-elections").await;
    click(&admin, "#election-submit").await;

    // The console of the new election opens.
    wait_text(&admin, "header h1", Text::Is("Board election 2027")).await;
    let url = admin.current_url().await.expect("the console's URL");
    assert_eq!(url.path(), "/admin/e/board-election-2027");
    let id = "board-election-2027";
    wait_text(&admin, "[data-testid=phase]", Text::Is("Not started")).await;
    wait_text(&admin, "[data-testid=connection]", Text::Contains("Live")).await;

    // The roll is pasted: the field gets the whole text and one input event, as a paste does.
    let paste = r#"
const [text] = arguments; const area = document.querySelector('#roll-csv');
Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(area, text);
area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
"#;
    admin
        .execute(paste, vec![json!(ROLL)])
        .await
        .expect("pasting the roll");
    wait_enabled(&admin, "#roll-import").await;
    click(&admin, "#roll-import").await;
    wait_text(
        &admin,
        "[data-testid=roll-summary]",
        Text::Is("5 new voters, 0 skipped."),
    )
    .await;
    wait_text(&admin, "[data-testid=turnout]", Text::Contains("0 of 5")).await;

    // The credentials file, built in the page from the import's answer.
    let link = find(&admin, "#credentials-download").await;
    let saved_as = link.attr("download").await.expect("the download attribute");
    assert_eq!(
        saved_as.as_deref(),
        Some("board-election-2027-credentials.csv")
    );
    let file = linked_text(&admin, "#credentials-download").await;
    let mut reader = csv::Reader::from_reader(file.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "voter_id",
            "name",
            "email",
            "external_id",
            "credential",
            "status"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 5, "{file}");
    let names: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(names, ["Ann Smith", "Bo, the Second", "Cy", "Di", "Ed"]);
    assert!(
        file.contains("\n2,\"Bo, the Second\",bo@example.org,,"),
        "{file}"
    );
    for (row, voter_id) in rows.iter().zip(1..) {
        assert_eq!(&row[0], voter_id.to_string());
        assert_eq!(row[4].len(), 23, "a credential: {}", &row[4]);
        assert_eq!(&row[5], "created");
    }
    let ann = rows[0][4].to_string();
    screenshot(&admin, "admin-election").await;
    // Done: the page forgets them (after asking), and the file's link goes with them.
    click(&admin, "#credentials-dismiss").await;
    click(&admin, "#credentials-dismiss-confirm").await;
    wait_gone(&admin, "#credentials-download").await;

    // The projector of this election, open before anyone votes.
    let tally = driver
        .open(&app.url(&format!("/e/{id}/tally")), 1920, 1080)
        .await;
    wait_text(&tally, "header h1", Text::Is("Board election 2027")).await;
    wait_text(&tally, "[data-testid=connection]", Text::Contains("Live")).await;
    wait_text(&tally, "[data-testid=total-votes]", Text::Is("0")).await;

    // Ann pastes her credential in another browser; the ballot shows the descriptions.
    let voter = driver.session().await;
    voter
        .set_window_size(412, 915)
        .await
        .expect("resizing the voter window");
    log_in_with(
        &voter,
        &app.base_url,
        id,
        &ann,
        "Ann Smith",
        Some("election-login"),
    )
    .await;
    wait_text(
        &voter,
        "[data-testid=ballot]",
        Text::Contains("Treasurer since 2024"),
    )
    .await;
    wait_text(
        &voter,
        "[data-testid=description]",
        Text::Is("Three seats on the board."),
    )
    .await;

    confirm(&admin, "start").await;
    wait_text(&admin, "[data-testid=phase]", Text::Is("Voting open")).await;

    // Ann votes for Brian (second on the ballot), then changes her vote to Chen.
    wait_enabled(&voter, "button[data-candidate='2']").await;
    screenshot(&voter, "election-ballot").await;
    click(&voter, "button[data-candidate='2']").await;
    wait_text(
        &voter,
        "[data-testid=confirmation]",
        Text::Contains("You have voted"),
    )
    .await;
    let first_receipt = find(&voter, "[data-testid=receipt]")
        .await
        .text()
        .await
        .unwrap();
    find(&voter, "#download-receipt").await;
    let first_ballot = ballot_id(&linked_text(&voter, "#download-receipt").await);
    wait_text(
        &tally,
        "li[data-candidate='2'] [data-testid=votes]",
        Text::Is("1"),
    )
    .await;
    click(&voter, "#change-vote").await;
    wait_enabled(&voter, "button[data-candidate='3']").await;
    click(&voter, "button[data-candidate='3']").await;
    wait_text(
        &voter,
        "[data-testid=notice]",
        Text::Contains("replaces the previous one"),
    )
    .await;
    wait_text(
        &voter,
        "[data-testid=confirmation]",
        Text::Contains("You have voted"),
    )
    .await;
    let second_receipt = find(&voter, "[data-testid=receipt]")
        .await
        .text()
        .await
        .unwrap();
    assert_ne!(first_receipt, second_receipt, "a new vote, a new receipt");
    let second_ballot = ballot_id(&linked_text(&voter, "#download-receipt").await);
    assert_ne!(first_ballot, second_ballot, "a new vote, a new ballot id");
    screenshot(&voter, "election-voter").await;

    // The last vote counts, once.
    wait_text(
        &tally,
        "li[data-candidate='3'] [data-testid=votes]",
        Text::Is("1"),
    )
    .await;
    wait_text(
        &tally,
        "li[data-candidate='2'] [data-testid=votes]",
        Text::Is("0"),
    )
    .await;
    wait_text(&tally, "[data-testid=total-votes]", Text::Is("1")).await;
    wait_text(&admin, "[data-testid=turnout]", Text::Contains("1 of 5")).await;

    // Bo lost his credential: the admin replaces it and the new one works (shown once).
    confirm(&admin, "new-credential-2").await;
    wait_text(
        &admin,
        "[data-testid=fresh-credential]",
        Text::Contains("New credential for Bo, the Second"),
    )
    .await;
    let fresh = find(&admin, "[data-testid=fresh-credential-value]")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(fresh.len(), 23, "{fresh}");
    assert_ne!(fresh, rows[1][4]);
    let bo = driver.session().await;
    log_in_with(&bo, &app.base_url, id, &fresh, "Bo, the Second", None).await;
    bo.close().await.ok();

    // The turnout export, fetched with the token.
    click(&admin, "#export-turnout-csv").await;
    wait_text(
        &admin,
        "[data-testid=export-link]",
        Text::Is("board-election-2027-turnout.csv"),
    )
    .await;
    let turnout = linked_text(&admin, "[data-testid=export-link]").await;
    assert!(
        turnout.starts_with("voter_id,name,email,voted,time\n1,Ann Smith,ann@example.org,yes,"),
        "{turnout}"
    );

    // The public list shows the election with its turnout.
    let public = driver.open(&app.url("/elections"), 1280, 900).await;
    wait_text(
        &public,
        &format!("tr[data-election='{id}'] [data-testid=election-turnout]"),
        Text::Contains("1 / 5"),
    )
    .await;
    wait_text(
        &public,
        "[data-testid=election-list]",
        Text::Contains("Board election 2027"),
    )
    .await;
    screenshot(&public, "elections").await;
    public.close().await.ok();

    confirm(&admin, "stop").await;
    wait_text(&admin, "[data-testid=phase]", Text::Is("Voting closed")).await;
    wait_text(&voter, "[data-testid=phase]", Text::Is("Voting closed")).await;
    confirm(&admin, "publish").await;
    wait_text(&admin, "[data-testid=phase]", Text::Is("Results published")).await;
    wait_text(
        &admin,
        "[data-testid=outcome]",
        Text::Contains("Winner: Chen"),
    )
    .await;
    click(&admin, "#export-results-csv").await;
    wait_text(
        &admin,
        "[data-testid=export-link]",
        Text::Is("board-election-2027-results.csv"),
    )
    .await;
    let results = linked_text(&admin, "[data-testid=export-link]").await;
    assert!(results.contains("\n3,Chen,1,100.00,winner\n"), "{results}");

    wait_text(
        &tally,
        "[data-testid=outcome]",
        Text::Contains("Winner: Chen"),
    )
    .await;
    screenshot(&tally, "election-tally").await;
    wait_text(
        &voter,
        "[data-testid=outcome]",
        Text::Contains("Winner: Chen with 1 vote"),
    )
    .await;
    screenshot(&voter, "election-voter-published").await;

    // The election's audit page: the first ballot is on the board, marked as replaced by the
    // re-vote, and the recount of the last ballots matches the published result.
    click(&voter, "#audit-link").await;
    wait_text(
        &voter,
        "[data-testid=recount-verdict]",
        Text::Is("The recount matches the published result."),
    )
    .await;
    wait_text(
        &voter,
        &format!("tr.superseded[data-ballot='{first_ballot}']"),
        Text::Contains("replaced by a later vote"),
    )
    .await;
    wait_text(
        &voter,
        &format!("tr[data-ballot='{second_ballot}']"),
        Text::Contains("Chen"),
    )
    .await;

    admin.close().await.ok();
    tally.close().await.ok();
    voter.close().await.ok();
}

/// The ballot id of a receipt file.
fn ballot_id(file: &str) -> String {
    let receipt: shared::checkpoint::Receipt =
        serde_json::from_str(file).expect("the receipt file is a receipt");
    receipt.ballot_id
}

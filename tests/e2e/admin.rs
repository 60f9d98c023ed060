//! The admin runs an election from the console; the voter's page follows it live.

use crate::helpers::{
    click, find, log_in, screenshot, spawn_app, type_into, wait_enabled, wait_text, Driver, Text,
    ADMIN_TOKEN,
};

#[tokio::test(flavor = "multi_thread")]
async fn the_admin_starts_stops_and_publishes_and_the_voter_sees_the_winner() {
    let app = spawn_app().await;
    let driver = Driver::start().await;

    let admin = driver.open(&app.url("/admin"), 1366, 1500).await;
    type_into(&admin, "#admin-token", ADMIN_TOKEN).await;
    click(&admin, "#admin-token-submit").await;
    wait_text(&admin, "[data-testid=phase]", Text::Is("Not started")).await;
    wait_text(&admin, "[data-testid=connection]", Text::Contains("Live")).await;
    wait_text(&admin, "[data-testid=turnout]", Text::Contains("0 of 10")).await;

    // A deadline by date and time, an hour from now. The field is filled the way a date
    // picker does (value, then an input event), since typed dates depend on the locale.
    let set_date = r#"
const input = document.querySelector('#deadline-at');
const d = new Date(Date.now() + 3600e3);
const pad = (n) => String(n).padStart(2, '0');
const value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
input.dispatchEvent(new Event('input', { bubbles: true }));
// The deadline as every page shows one: date, time and the time zone's name, in English.
d.setSeconds(0, 0);
return new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric",
  hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(d);
"#;
    let time_of_day = admin
        .execute(set_date, vec![])
        .await
        .expect("filling the date");
    let time_of_day = time_of_day.as_str().expect("a date and time").to_string();
    click(&admin, "#deadline-at-submit").await;
    wait_text(
        &admin,
        "[data-testid=countdown]",
        Text::Contains(&time_of_day),
    )
    .await;

    // Then moved to half an hour from now, by minutes (checked once voting opens below).
    type_into(&admin, "#deadline-minutes", "30").await;
    click(&admin, "#deadline-minutes-submit").await;
    wait_text(&admin, "[data-testid=notice]", Text::Is("Deadline set.")).await;

    // The projector is open from the start; counts stay hidden until publication.
    let tally = driver.open(&app.url("/tally"), 1920, 1080).await;
    find(&tally, "[data-testid=turnout-only]").await;

    // Start asks first; nothing happens until the confirmation.
    click(&admin, "#start").await;
    find(&admin, "#start-confirm").await;
    // Keyboard users land on the confirmation, not at the top of the page.
    let focused = admin
        .execute(
            "return document.activeElement && document.activeElement.id;",
            vec![],
        )
        .await
        .expect("reading the focused element");
    assert_eq!(focused, serde_json::json!("start-confirm"));
    wait_text(&admin, "[data-testid=phase]", Text::Is("Not started")).await;
    click(&admin, "#start-confirm").await;
    wait_text(&admin, "[data-testid=phase]", Text::Is("Voting open")).await;
    wait_text(
        &admin,
        "[data-testid=countdown]",
        Text::Contains("Time left"),
    )
    .await;
    // The half-hour deadline, not the one-hour one, is in force.
    wait_text(&admin, "[data-testid=countdown]", Text::Contains("29:")).await;

    // A voter on a phone votes; the admin's table and feed follow.
    let voter = driver.session().await;
    voter
        .set_window_size(412, 915)
        .await
        .expect("resizing the voter window");
    log_in(&voter, &app, "Bob", 2).await;
    wait_enabled(&voter, "button[data-candidate='3']").await;
    click(&voter, "button[data-candidate='3']").await;
    wait_text(
        &voter,
        "[data-testid=confirmation]",
        Text::Contains("You have voted"),
    )
    .await;
    wait_text(&admin, "[data-testid=turnout]", Text::Contains("1 of 10")).await;
    wait_text(&admin, "[data-testid=feed]", Text::Contains("vote")).await;
    // Live results are off: the projector shows the turnout, never the counts.
    wait_text(&tally, "[data-testid=total-votes]", Text::Is("1")).await;
    wait_text(&tally, "[data-testid=turnout-only]", Text::Contains("10 %")).await;
    let bars = tally
        .execute(
            "return document.querySelectorAll('[data-testid=bar-chart]').length;",
            vec![],
        )
        .await
        .expect("counting charts");
    assert_eq!(
        bars,
        serde_json::json!(0),
        "counts must stay hidden before publication"
    );
    screenshot(&tally, "tally-turnout").await;

    click(&admin, "#stop").await;
    click(&admin, "#stop-confirm").await;
    wait_text(&admin, "[data-testid=phase]", Text::Is("Voting closed")).await;
    wait_text(&voter, "[data-testid=phase]", Text::Is("Voting closed")).await;

    click(&admin, "#publish").await;
    click(&admin, "#publish-confirm").await;
    wait_text(&admin, "[data-testid=phase]", Text::Is("Results published")).await;
    wait_text(
        &admin,
        "[data-testid=outcome]",
        Text::Contains("Winner: Grace Hopper"),
    )
    .await;
    screenshot(&admin, "admin").await;

    // The projector and the voter's page, never reloaded, announce the winner.
    wait_text(
        &tally,
        "[data-testid=outcome]",
        Text::Contains("Winner: Grace Hopper"),
    )
    .await;
    wait_text(
        &tally,
        "li[data-candidate='3'] [data-testid=votes]",
        Text::Is("1"),
    )
    .await;
    screenshot(&tally, "tally-published").await;
    wait_text(
        &voter,
        "[data-testid=outcome]",
        Text::Contains("Winner: Grace Hopper with 1 vote"),
    )
    .await;
    screenshot(&voter, "voter").await;

    admin.close().await.ok();
    tally.close().await.ok();
    voter.close().await.ok();
}

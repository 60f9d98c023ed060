//! Voters' weights and the exact decimals every figure of a count is written in.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A non-negative exact quantity with four decimal places: a voter's weight, or a sum of
/// weights. Stored as ten-thousandths; written as a decimal string (`"1.5"`, `"2"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Weight(pub u64);

impl Weight {
    /// Ten-thousandths in one.
    pub const SCALE: u64 = 10_000;
    pub const ONE: Weight = Weight(Self::SCALE);
    /// The largest weight a voter may have.
    pub const MAX: Weight = Weight(1_000_000 * Self::SCALE);

    pub fn is_one(&self) -> bool {
        *self == Weight::ONE
    }

    /// Parses a positive decimal of at most 4 places, at most 1,000,000.
    pub fn parse(text: &str) -> Result<Weight, String> {
        let text = text.trim();
        let problem = || format!("{text:?} is not a positive decimal with at most 4 places");
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        if whole.is_empty()
            || whole.len() > 7
            || fraction.len() > 4
            || (text.contains('.') && fraction.is_empty())
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(problem());
        }
        let whole: u64 = whole.parse().map_err(|_| problem())?;
        let mut tenths = 0u64;
        for place in 0..4 {
            let digit = fraction
                .as_bytes()
                .get(place)
                .map_or(0, |b| u64::from(b - b'0'));
            tenths = tenths * 10 + digit;
        }
        let weight = Weight(whole * Self::SCALE + tenths);
        if weight.0 == 0 {
            return Err(format!("{text:?} is not positive"));
        }
        if weight > Weight::MAX {
            return Err(format!("{text:?} is above 1000000"));
        }
        Ok(weight)
    }
}

impl fmt::Display for Weight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&decimal(u128::from(self.0), 4))
    }
}

/// `units` / 10^`places` as a decimal string, trailing zeros (and a bare point) left out.
pub fn decimal(units: u128, places: u32) -> String {
    let scale = 10u128.pow(places);
    let whole = units / scale;
    let fraction = units % scale;
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:0width$}", width = places as usize);
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

impl Serialize for Weight {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Weight {
    /// A string (`"1.5"`) or a JSON number (`1.5`); either read exactly, never through a float.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Weight, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        let text = match &value {
            serde_json::Value::String(text) => text.clone(),
            serde_json::Value::Number(number) => number.to_string(),
            _ => {
                return Err(serde::de::Error::custom(
                    "a weight is a decimal string or number",
                ))
            }
        };
        Weight::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Weight {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "A positive decimal with up to 4 places, at most 1000000",
            ))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Weight {}

//! `--name value` and `--name=value` options, read once and checked by name.

use std::collections::BTreeMap;

use saddle::bounds::Bounds;
use saddle::formula::Formula;
use saddle::scene::SceneSurface;
use saddle::surface::LossSurface;

pub struct Args {
    options: BTreeMap<String, String>,
}

/// Flags that take no value.
const SWITCHES: [&str; 2] = ["help", "detail"];

impl Args {
    pub fn parse(argv: &[String]) -> Result<Args, String> {
        let mut options = BTreeMap::new();
        let mut words = argv.iter();
        while let Some(word) = words.next() {
            let Some(option) = word.strip_prefix("--") else {
                return Err(format!(
                    "unexpected argument '{word}': options start with --"
                ));
            };
            let (name, value) = match option.split_once('=') {
                Some((name, value)) => (name.to_string(), value.to_string()),
                None if SWITCHES.contains(&option) || option == "h" => {
                    (option.to_string(), String::new())
                }
                None => {
                    let value = words
                        .next()
                        .ok_or_else(|| format!("--{option} needs a value"))?;
                    (option.to_string(), value.clone())
                }
            };
            options.insert(name, value);
        }
        Ok(Args { options })
    }

    pub fn wants_help(&self) -> bool {
        self.options.contains_key("help") || self.options.contains_key("h")
    }

    pub fn has(&self, name: &str) -> bool {
        self.options.contains_key(name)
    }

    /// Fails on any option the command does not know, so a typo is never silently ignored.
    pub fn only(&self, known: &[&str]) -> Result<(), String> {
        match self.options.keys().find(|k| !known.contains(&k.as_str())) {
            Some(unknown) => Err(format!(
                "unknown option --{unknown}; this command takes --{}",
                known.join(", --")
            )),
            None => Ok(()),
        }
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        self.options.get(name).map(String::as_str)
    }

    pub fn number(&self, name: &str) -> Result<Option<f64>, String> {
        self.text(name)
            .map(|text| {
                text.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| format!("--{name} must be a finite number, not '{text}'"))
            })
            .transpose()
    }

    pub fn count(&self, name: &str) -> Result<Option<usize>, String> {
        self.text(name)
            .map(|text| {
                text.trim()
                    .parse::<usize>()
                    .map_err(|_| format!("--{name} must be a whole number, not '{text}'"))
            })
            .transpose()
    }

    /// A seed: any whole number from 0 to 2⁶⁴ − 1.
    pub fn seed(&self) -> Result<Option<u64>, String> {
        self.unsigned("seed")
    }

    /// A whole number from 0 to 2⁶⁴ − 1 (a seed of some kind).
    pub fn unsigned(&self, name: &str) -> Result<Option<u64>, String> {
        self.text(name)
            .map(|text| {
                text.trim()
                    .parse::<u64>()
                    .map_err(|_| format!("--{name} must be a whole number, not '{text}'"))
            })
            .transpose()
    }

    /// Comma-separated finite numbers, exactly `N` of them.
    pub fn numbers<const N: usize>(
        &self,
        name: &str,
        shape: &str,
    ) -> Result<Option<[f64; N]>, String> {
        self.text(name)
            .map(|text| {
                let values: Option<Vec<f64>> = text
                    .split(',')
                    .map(|part| part.trim().parse::<f64>().ok().filter(|v| v.is_finite()))
                    .collect();
                values
                    .and_then(|v| v.try_into().ok())
                    .ok_or_else(|| format!("--{name} must be {shape}, not '{text}'"))
            })
            .transpose()
    }

    /// The surface from `--expr` or `--preset` (a formula preset or a dataset preset), with the
    /// preset's box as the suggested one.
    pub fn surface(&self) -> Result<(Box<dyn LossSurface>, Option<Bounds>), String> {
        match (self.text("expr"), self.text("preset")) {
            (Some(_), Some(_)) => Err("give either --expr or --preset, not both".into()),
            (Some(text), None) => Formula::parse(text)
                .map(|f| (Box::new(f) as Box<dyn LossSurface>, None))
                .map_err(|e| format!("--expr: {e}")),
            (None, Some(name)) => SceneSurface::named(name)
                .map(|surface| {
                    (
                        Box::new(surface.loss) as Box<dyn LossSurface>,
                        Some(surface.home),
                    )
                })
                .ok_or_else(|| format!("unknown preset '{name}'; `saddle presets` lists them")),
            (None, None) => Err("give a surface with --expr 'FORMULA' or --preset NAME".into()),
        }
    }

    pub fn point(&self, name: &str) -> Result<[f64; 2], String> {
        self.numbers::<2>(name, "two numbers X,Y")?
            .ok_or_else(|| format!("give a point with --{name}=X,Y"))
    }
}

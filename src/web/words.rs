//! The page's own words in the link's language (`lang=en|zh`). Messages from the core (formula errors,
//! link notices, preset titles, optimizer names) stay as the core writes them.

use wasm_bindgen::{JsCast, JsValue};

use super::dom;
use crate::analysis::PointKind;
use crate::optim::RunStatus;
use crate::share::Language;

pub struct Words {
    pub play: &'static str,
    pub pause: &'static str,
    pub escaped: &'static str,
    pub copied: &'static str,
    pub copy_by_hand: &'static str,
    pub not_marked: &'static str,
    pub own_formula: &'static str,
    pub long_formula: &'static str,
    /// The inspector's verdicts, in the order of [`Words::kind`].
    kinds: [&'static str; 6],
    /// The legend's names of marked critical points: minimum, maximum, saddle, degenerate.
    marked: [&'static str; 4],
    statuses: [&'static str; 5],
    /// Static text of `index.html` (elements with `data-i18n`), English → this language.
    page: &'static [(&'static str, &'static str)],
    html_lang: &'static str,
}

pub static ENGLISH: Words = Words {
    play: "Play",
    pause: "Pause",
    escaped: "Escaped: L",
    copied: "Copied to the clipboard.",
    copy_by_hand: "Press Ctrl+C (⌘C) to copy the selected link.",
    not_marked: "Not marked:",
    own_formula: "Your own formula",
    long_formula: "This formula is long: the map is sampled on a coarser grid, and the critical points and the \
                   3-D view are left out, so the page stays responsive.",
    kinds: [
        "not a critical point (∇L ≠ 0)",
        "local minimum",
        "local maximum",
        "saddle point",
        "degenerate (an eigenvalue ≈ 0)",
        "undefined here",
    ],
    marked: [
        "local minimum",
        "local maximum",
        "saddle point",
        "degenerate",
    ],
    statuses: [
        "running",
        "converged",
        "stalled at a saddle",
        "diverged",
        "max steps",
    ],
    page: &[],
    html_lang: "en",
};

pub static CHINESE: Words = Words {
    play: "播放",
    pause: "暂停",
    escaped: "已逃离：L",
    copied: "已复制到剪贴板。",
    copy_by_hand: "按 Ctrl+C（⌘C）复制所选链接。",
    not_marked: "未逐一标出：",
    own_formula: "自定义公式",
    long_formula: "公式很长：地图改用较粗的网格采样，并略去临界点和三维视图，以保持页面流畅。",
    kinds: [
        "不是临界点（∇L ≠ 0）",
        "局部最小值",
        "局部最大值",
        "鞍点",
        "退化（某个特征值 ≈ 0）",
        "此处无定义",
    ],
    marked: ["局部最小值", "局部最大值", "鞍点", "退化"],
    statuses: ["运行中", "已收敛", "停在鞍点", "发散", "达到最大步数"],
    page: &[
        ("— local minimum or saddle point?", "— 局部最小值还是鞍点？"),
        ("Map", "地图"),
        ("3-D", "三维"),
        ("Both", "两者"),
        ("Copy link", "复制链接"),
        ("Save PNG", "保存 PNG"),
        ("Link to this scene", "此场景的链接"),
        ("Saddle stopped:", "Saddle 已停止："),
        ("Reset to the default scene", "重置为默认场景"),
        ("Surface", "曲面"),
        (
            "Click the map to drop a point; drag it to move it. Drag the background to pan, scroll or pinch to zoom.",
            "点击地图放置一个点，拖动它来移动。拖动背景可平移，滚轮或双指可缩放。",
        ),
        ("Reset view", "重置视图"),
        ("The race", "优化器竞赛"),
        ("Play", "播放"),
        ("Step", "单步"),
        ("Reset", "重置"),
        ("Keys: space = play/pause, → = one step, r = reset.", "按键：空格 = 播放/暂停，→ = 单步，r = 重置。"),
        ("optimizer", "优化器"),
        ("status", "状态"),
        ("step", "步数"),
        ("The point θ′", "点 θ′"),
        ("Click the map to drop a point.", "点击地图放置一个点。"),
        ("Dotted: the second-order Taylor model around θ′.", "点线：θ′ 处的二阶泰勒模型。"),
        ("Escape along u", "沿 u 逃离"),
        ("Drag to rotate.", "拖动以旋转。"),
    ],
    html_lang: "zh",
};

impl Words {
    pub fn of(language: Option<Language>) -> &'static Words {
        match language {
            Some(Language::Chinese) => &CHINESE,
            Some(Language::English) | None => &ENGLISH,
        }
    }

    pub fn kind(&self, kind: PointKind) -> &'static str {
        self.kinds[match kind {
            PointKind::Regular => 0,
            PointKind::LocalMinimum => 1,
            PointKind::LocalMaximum => 2,
            PointKind::Saddle => 3,
            PointKind::Degenerate => 4,
            PointKind::Undefined => 5,
        }]
    }

    /// The legend's name for a marked kind (`None` for kinds the map does not mark).
    pub fn marked(&self, kind: PointKind) -> Option<&'static str> {
        match kind {
            PointKind::LocalMinimum => Some(self.marked[0]),
            PointKind::LocalMaximum => Some(self.marked[1]),
            PointKind::Saddle => Some(self.marked[2]),
            PointKind::Degenerate => Some(self.marked[3]),
            PointKind::Regular | PointKind::Undefined => None,
        }
    }

    pub fn status(&self, status: RunStatus) -> &'static str {
        self.statuses[match status {
            RunStatus::Running => 0,
            RunStatus::Converged => 1,
            RunStatus::StalledAtSaddle => 2,
            RunStatus::Diverged => 3,
            RunStatus::MaxSteps => 4,
        }]
    }

    /// Translates the page's static text (elements marked `data-i18n`) and its `lang` attribute.
    pub fn apply_to_page(&self) -> Result<(), JsValue> {
        let document = dom::document()?;
        if let Some(root) = document.document_element() {
            root.set_attribute("lang", self.html_lang)?;
        }
        let marked = document.query_selector_all("[data-i18n]")?;
        for i in 0..marked.length() {
            let Some(element) = marked
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let english = element.text_content().unwrap_or_default();
            if let Some((_, translated)) = self
                .page
                .iter()
                .find(|(source, _)| *source == english.trim())
            {
                dom::set_text(&element, translated);
            }
        }
        Ok(())
    }
}

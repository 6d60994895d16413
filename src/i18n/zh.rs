//! 简体中文.

use super::{
    ChartWords, Labels, LessonText, MinRatioStatus, NoticeWords, PresetText, ReasonWords, Strings,
};
use crate::analysis::{Continuum, ContinuumShape, PointKind};
use crate::experiments::MinRatioRun;
use crate::formula::{
    function_names, shown_character, FormulaError, FormulaErrorKind, TokenText, MAX_LENGTH,
    MAX_NESTING,
};
use crate::lesson::StepId;
use crate::numbers::readable;
use crate::optim::{OptimizerKind, RunStatus};
use crate::render::CurvatureClass;

pub static STRINGS: Strings = Strings {
    labels: Labels {
        html_lang: "zh-CN",
        language_name: "中文",
        language_label: "语言",
        page_title: "Saddle — 局部极小值还是鞍点？",
        subtitle: "— 局部极小值还是鞍点？",
        view_label: "视图",
        view_map: "平面图",
        view_3d: "三维",
        view_both: "两者",
        present_button: "演示模式",
        copy_link: "复制链接",
        save_png: "保存 PNG",
        share_link_label: "此场景的链接",
        link_copied: "已复制到剪贴板。",
        copy_by_hand: "按 Ctrl+C（⌘C）复制所选链接。",
        notices_label: "关于此链接",
        crash_title: "Saddle 已停止：",
        crash_reset: "重置为默认场景",
        surface_label: "曲面",
        own_formula: "自定义公式",
        formula_label: "L(x, y) =",
        map_hint: "点击平面图放置一个点，拖动它可移动。拖动背景可平移，滚动滚轮或双指捏合可缩放。",
        map_hint_touch: "轻触平面图放置一个点，拖动它可移动。单指滑动滚动页面，双指平移和缩放。",
        map_keys_hint: "在平面图上：方向键移动 θ′（按住 Shift 可微调），回车键将它放在当前位置并读出判定结果。",
        reset_view: "重置视图",
        long_formula: "公式很长：地图改用较粗的网格采样，并略去临界点和三维视图，以保持页面流畅。",
        race_title: "优化器竞赛",
        learning_rate_label: "学习率 η",
        beta_label: "动量系数 β",
        speed_label: "步/秒",
        batch_label: "批大小 B",
        seed_label: "随机种子",
        play: "播放",
        pause: "暂停",
        step: "单步",
        reset: "重置",
        run_ready: "就绪",
        run_paused: "已暂停",
        keys_hint: "快捷键：空格 = 播放/暂停，→ = 单步，r = 重置，p = 演示模式。\
                    焦点在复选框或按钮上时，空格键作用于它本身。",
        column_optimizer: "优化器",
        column_step: "步数",
        column_loss: "L",
        column_gradient_norm: "‖∇L‖",
        point_title: "点 θ′",
        point_empty: "点击平面图放置一个点。",
        point_empty_touch: "轻触平面图放置一个点。",
        point_x_label: "θ′ 的 x 坐标",
        point_y_label: "θ′ 的 y 坐标",
        hessian_caption: "海森矩阵 H",
        eigen_caption: "H 的特征值 λ 与特征向量 u",
        degenerate_not_minimum: "退化临界点，但不是极小值：λ₁ < 0（是鞍点或极大值；沿 u 方向 L 下降）",
        taylor_toggle: "泰勒模型",
        taylor_hint: "虚线：θ′ 处的二阶泰勒模型。",
        escape_button: "沿 u 逃离",
        escaped: "已逃离：L",
        rotate_hint: "拖动可旋转；双击恢复初始视角。",
        map_label: "带等高线的损失热力图",
        surface3d_label: "损失曲面的三维视图；方向键可旋转",
        loss_chart_label: "各优化器的损失随步数的变化",
        curvature_toggle: "曲率图",
        curvature_legend_title: "曲面的弯曲方向（海森矩阵特征值的符号）",
        curvature_shading_hint: "颜色越浅：某个方向越接近平坦（min|λ| / max|λ| 越小）。",
        lesson_title: "引导式课程",
        lesson_open: "开始课程",
        lesson_close: "关闭课程",
        lesson_previous: "上一步",
        lesson_next: "下一步",
        lesson_restart: "重新开始这一步",
        lesson_open_compare: "显示对照场景",
        key_gradient: "∇L（指向上坡）",
        key_eigen_negative: "特征向量，λ < 0",
        key_eigen_positive: "特征向量，λ > 0",
        undefined_value: "无定义",
        data_presets_group: "由数据定义的损失",
        batch_hint: "SGD 每一步使用 B 个随机样本的梯度；B = N 时就是梯度下降。\
                     在 θ′ 处，浅色箭头是各个小批量梯度，圆环标出它们所围绕的全批量梯度。",
        race_label: "优化器竞赛",
        plots_label: "图表",
        inspector_label: "点的检查器",
        min_ratio_title: "高维空间中的鞍点",
        min_ratio_hint: "从随机初始点训练一个小网络（一个 tanh 隐藏层，共 P 个参数），把 ∇L 推向 0，\
                         再统计该处海森矩阵特征值的正负号。最小值比例 = 非零特征值（|λ| > 10⁻⁶·max|λ|）中\
                         正特征值所占的比例：在局部最小值处为 1，在鞍点处小于 1。",
        min_ratio_params: "参数个数 P",
        min_ratio_runs: "运行次数",
        min_ratio_seed: "随机种子",
        min_ratio_run: "运行",
        min_ratio_cancel: "取消",
        min_ratio_progress: "进度",
        min_ratio_chart_label: "最小值比例与训练损失的关系，每个点代表一次运行",
        eigen_histogram_label: "所选运行的海森矩阵特征值",
        min_ratio_caveat: "点击一个点或表格中的一行，可查看该次运行的特征值。颜色较浅的点结束时 ‖∇L‖ 较大（见最后一列）：\
                           梯度很小但不为零的点可能只是位于平坦区域，而不是真正的临界点。",
        column_run: "运行",
        column_min_ratio: "最小值比例",
        column_signs: "正 / 负 / ≈0",
        final_gradient_norm: "最终 ‖∇L‖",
    },
    point_kind,
    marked_kind,
    run_status,
    optimizer,
    curvature,
    lesson,
    step_of: |step, total| format!("第 {step} 步，共 {total} 步"),
    runs_done: |done, total| format!("已完成 {done} / {total} 次运行"),
    batch_of: |batch, points| format!("{batch} / {points}"),
    preset,
    continuum,
    continuum_hint: |continuum| format!("未逐一标出：{continuum}。"),
    chart: ChartWords {
        step: "步数",
        loss: "L",
        loss_log: "L（对数坐标）",
        loss_shifted_log: "L − L_min + ε（对数坐标：部分 L ≤ 0）",
        training_loss_log: "训练损失 L（对数坐标）",
        minimum_ratio: "最小值比例",
        eigenvalue: "海森矩阵的特征值 λ",
        count: "个数",
        map_x: "x（w₁）",
        map_y: "y（w₂）",
        colour_bar: "L",
        slice_t: "t（θ = θ′ + t·d）",
        slice_curve: "L(θ′ + t·d)",
        slice_model: "二阶模型 q(t)",
        slice_title: "沿 d = {d}：dᵀHd = {c}，{bend}",
        bends_up: "向上弯曲",
        bends_down: "向下弯曲",
        bends_flat: "不弯曲",
        basin_diverged: "发散",
        basin_still_moving: "最后一步时仍在移动",
        basin_curve: "一整条临界点曲线",
    },
    min_ratio_status,
    run_spectrum,
    formula_error,
    stale_map: |shown| format!("在错误修正之前，平面图仍显示上一个有效的曲面：{shown}。"),
    announce_point: |at, verdict, first, second| {
        format!("θ′ = {at}：{verdict}。特征值 λ₁ = {first}，λ₂ = {second}。")
    },
    link_notices: NoticeWords {
        too_long: |bytes| format!("链接太长（{bytes} 字节），已显示默认场景。"),
        not_text: |part| format!("链接中有一部分不是有效文本（{part}），已忽略。"),
        ignored: |key, value, reason| format!("已忽略链接中的 {key}={value}：{reason}。"),
        reasons: ReasonWords {
            formula: |error| format!("公式有错误，{error}"),
            formula_too_long_for_link: "公式太长，无法放进链接",
            unknown_preset: "没有这个名称的预设",
            version: "此页面读取版本 1 的链接，其余部分按版本 1 读取",
            bounds: "应为 xmin,xmax,ymin,ymax，且 xmin < xmax、ymin < ymax",
            point: "应为两个有限的数 x,y",
            optimizers: "应为优化器名称，例如 gd,momentum",
            learning_rate: "学习率必须是 (0, 100] 内的数",
            beta: "beta 必须是 [0, 1) 内的数",
            steps: |most| format!("steps 必须是不超过 {most} 的整数"),
            view: "view 必须是 map、3d 或 both",
            turn: "turn 必须是两个以度为单位的角度 yaw,pitch",
            map_mode: "map 必须是 loss、curvature 或 basins",
            lesson: "没有这个名称的课程步骤",
            language: "lang 必须是 en 或 zh",
            embed: "embed 必须是 1 或 0",
            present: "present 必须是 1 或 0",
            batch: |most| format!("batch 必须是 1 到 {most} 之间的整数"),
            seed: "seed 必须是 0 到 18446744073709551615 之间的整数",
        },
    },
};

fn preset(name: &str) -> Option<PresetText> {
    let (title, description) = match name {
        "lecture" => (
            "讲义中的单神经元网络",
            "L(w1, w2) = (1 − w1·w2)² 在原点有一个鞍点，梯度下降会在那里徘徊，之后沿 u = (1, 1) 逃离；\
             而在 w1·w2 = 1 处是一整条由最小值组成的曲线。",
        ),
        "bowl" => (
            "碗形",
            "最简单的最小值：海森矩阵的两个特征值都为正，曲面在每个方向上都向上弯曲。",
        ),
        "hilltop" => (
            "山顶",
            "最大值：顶点处的梯度同样为零，但两个特征值都为负，稍有扰动就会滚落。",
        ),
        "saddle" => (
            "鞍点",
            "教科书式的鞍点：梯度在原点为零，但负特征值沿 y 方向指向更低的损失。",
        ),
        "monkey-saddle" => (
            "猴鞍",
            "下坡的路有三条而不是两条：原点处的海森矩阵为零，二阶检验无法判定，尽管这里并不是最小值。",
        ),
        "flat-bottom" => (
            "平底碗",
            "一个海森矩阵为零的真正最小值：二阶检验给出“退化”，而随着谷底变平，梯度下降越走越慢。",
        ),
        "double-well" => (
            "双势阱",
            "两个同样深的最小值之间隔着一个鞍点：最终到达哪一个，取决于从鞍点的哪一侧出发。",
        ),
        "narrow-valley" => (
            "狭长山谷",
            "一条曲率分别为 0.1 和 20 的狭长山谷：梯度下降沿着平坦的谷底缓慢爬行，而动量法会逐渐积累速度。",
        ),
        "plateau" => (
            "平台",
            "远离最小值的地方曲面几乎是平的，所以即使附近没有临界点，训练也会因梯度极小而停滞。",
        ),
        "rosenbrock" => (
            "Rosenbrock 香蕉函数",
            "一条弯曲且谷壁陡峭的山谷：位于 (1, 1) 的唯一最小值一眼就能看到，但沿着弯曲的谷底要很久才能到达。",
        ),
        "himmelblau" => (
            "Himmelblau 函数",
            "四个同样深的最小值、一个最大值，以及它们之间的四个鞍点：起点决定了会找到哪一个最小值。",
        ),
        "beale" => (
            "Beale 函数",
            "唯一的最小值 (3, 0.5) 周围既有陡壁也有平坦地带：在一处安全的步长，到了另一处就会越过头。",
        ),
        "six-hump-camel" => (
            "六峰驼背函数",
            "六个局部最小值（其中两个是全局最小值），之间隔着鞍点：浅的局部最小值和深的一样能牢牢困住梯度下降。",
        ),
        "rastrigin" => (
            "Rastrigin 蛋托函数",
            "全局最小值位于原点，周围布满蛋托般的局部最小值：梯度下降会停在最近的那个凹坑里。",
        ),
        "lecture-data" => (
            "讲义中的网络：用数据训练",
            "用 ŷ = w1·w2·x（外加一个不含信号的干扰输入）拟合 64 个数据点 y = x + 噪声。\
             全批量损失在原点有讲义中的鞍点，在 w1 = w2 = ±0.9 附近有最小值。\
             从直线 w1 = −w2 上出发时，全批量梯度下降滑进鞍点并停滞；\
             SGD 的小批量噪声则把它沿 (1, 1) 推离鞍点，落入一个最小值。",
        ),
        _ => return None,
    };
    Some(PresetText { title, description })
}

fn continuum(continuum: &Continuum) -> String {
    let at = STRINGS.point(continuum.example);
    match continuum.shape {
        ContinuumShape::Flat => format!("一片梯度处处为零的平坦区域（例如 {at} 附近）"),
        ContinuumShape::Minima => format!("一条梯度为零的极小值曲线（例如经过 {at}）"),
        ContinuumShape::Maxima => format!("一条梯度为零的极大值曲线（例如经过 {at}）"),
        ContinuumShape::Mixed => format!("若干条梯度为零的退化临界点曲线（例如经过 {at}）"),
    }
}

fn min_ratio_status(status: &MinRatioStatus) -> String {
    match *status {
        MinRatioStatus::Running {
            params,
            hidden,
            runs,
        } => {
            format!("运行中：P = {params} 个参数（1–{hidden}–1 的 tanh 网络），共 {runs} 次运行……")
        }
        MinRatioStatus::Cancelled { runs_done } => {
            format!("已取消，此前完成了 {runs_done} 次运行。")
        }
        MinRatioStatus::Done {
            runs,
            params,
            hidden,
        } => format!("完成：P = {params}（隐藏层宽度 {hidden}），共 {runs} 次运行。"),
    }
}

fn run_spectrum(index: usize, run: &MinRatioRun) -> String {
    format!(
        "第 {} 次运行：{} 个正特征值，{} 个负特征值，{} 个 ≈ 0；最小值比例 {}",
        index + 1,
        run.positive,
        run.negative,
        run.zero,
        readable(run.minimum_ratio)
    )
}

fn point_kind(kind: PointKind) -> &'static str {
    match kind {
        PointKind::Regular => "非临界点（∇L ≠ 0）",
        PointKind::LocalMinimum => "局部极小值",
        PointKind::LocalMaximum => "局部极大值",
        PointKind::Saddle => "鞍点",
        PointKind::Degenerate => "退化临界点（某个特征值 ≈ 0：二阶检验无法判定）",
        PointKind::Undefined => "此处无定义",
    }
}

fn marked_kind(kind: PointKind) -> Option<&'static str> {
    match kind {
        PointKind::LocalMinimum => Some("局部极小值"),
        PointKind::LocalMaximum => Some("局部极大值"),
        PointKind::Saddle => Some("鞍点"),
        PointKind::Degenerate => Some("退化临界点"),
        PointKind::Regular | PointKind::Undefined => None,
    }
}

fn run_status(status: RunStatus) -> &'static str {
    match status {
        RunStatus::Running => "运行中",
        RunStatus::Converged => "已收敛（局部极小值）",
        RunStatus::StalledFlat => "停滞在 λ ≈ 0 处（检验无法判定）",
        RunStatus::StalledAtSaddle => "停滞在鞍点",
        RunStatus::StalledAtMaximum => "停滞在局部极大值",
        RunStatus::Diverged => "已发散",
        RunStatus::MaxSteps => "达到最大步数",
    }
}

fn optimizer(kind: OptimizerKind) -> &'static str {
    match kind {
        OptimizerKind::Gd => "梯度下降",
        OptimizerKind::Momentum => "动量法",
        OptimizerKind::Nesterov => "Nesterov 动量",
        OptimizerKind::RmsProp => "RMSProp",
        OptimizerKind::Adam => "Adam",
        OptimizerKind::AdaGrad => "AdaGrad",
        OptimizerKind::Newton => "牛顿法",
        OptimizerKind::SaddleFreeNewton => "无鞍牛顿法",
        OptimizerKind::EigenEscape => "沿特征向量逃离",
        OptimizerKind::Sgd => "SGD（小批量）",
    }
}

fn curvature(class: CurvatureClass) -> &'static str {
    match class {
        CurvatureClass::Bowl => "碗形：两个 λ 都 > 0",
        CurvatureClass::Cap => "帽形：两个 λ 都 < 0",
        CurvatureClass::SaddleLike => "鞍形：λ 有正有负",
        CurvatureClass::Flat => "平坦：两个 λ 都 = 0",
        CurvatureClass::Undefined => "无定义",
    }
}

fn lesson(step: StepId) -> LessonText {
    let (title, body) = match step {
        StepId::Stalled => (
            "训练停滞了",
            "梯度下降跑了 60 步后不再移动：L 停在 1 附近，‖∇L‖ 约为 10⁻⁶。\
             梯度消失只说明我们到了一个临界点。\
             它是局部最小值（停下来也无妨），还是鞍点（损失其实还能继续下降）？",
        ),
        StepId::Taylor => (
            "仔细看：泰勒展开",
            "在 θ′ 附近，L(θ) ≈ L(θ′) + (θ − θ′)ᵀg + ½(θ − θ′)ᵀH(θ − θ′)，其中 g 是梯度，H 是海森矩阵。\
             在临界点处 g = 0，只剩下海森矩阵这一项：θ′ 周围的形状完全由 H 决定。\
             虚线等高线就是这个二次模型，在 θ′ 附近它与真实等高线几乎重合。",
        ),
        StepId::EigenvalueTest => (
            "特征值检验",
            "把 θ − θ′ 用 H 的特征向量表示，海森项就变成 ½ Σ λᵢvᵢ²。\
             特征值全为正：往哪个方向 L 都上升，是局部最小值；全为负：是局部最大值；有正有负：是鞍点。\
             若有特征值为 0，检验无法判定（退化）。\
             这里 L = x² − y² 的特征值是 −2 和 2；打开对照场景看看碗形曲面 x² + y²，它的两个特征值都是 2。",
        ),
        StepId::LectureNetwork => (
            "讲义中的单神经元网络",
            "L(w₁, w₂) = (1 − w₁w₂)² 是每层只有一个权重的网络。\
             在原点 ∇L = 0，H = [[0, −2], [−2, 0]]，特征值为 −2 和 2：这是鞍点，不是最小值。\
             沿 λ = −2 对应的特征向量 u = (1, 1) 移动会使损失下降，因为 L(θ′ + αu) ≈ L(θ′) + ½λα²。\
             点击“沿 u 逃离”，或让“沿特征向量逃离”优化器参赛，它做的正是这件事。",
        ),
        StepId::Momentum => (
            "实际中：动量冲过鞍点",
            "没有人会去计算真实网络的海森矩阵：它的行数和权重个数一样多。\
             动量法 m ← βm − η∇L，θ ← θ + m，会保留下坡时积累的速度。\
             两个优化器都从鞍点稳定方向旁边一点出发；梯度下降在鞍点附近缓慢爬行，而动量法顺势冲过鞍点，落入由最小值组成的谷底。",
        ),
        StepId::SmallBatches => (
            "小批量让小球松动",
            "实际训练使用的是一小批随机样本的梯度，而不是整个数据集的梯度。\
             在这个由数据定义的损失上，全批量梯度下降滑进鞍点后就停滞不前。\
             SGD 的小批量梯度带有噪声，噪声把它推离鞍点的稳定方向，最终落入一个最小值。",
        ),
        StepId::HighDimension => (
            "在高维空间中，鞍点远多于最小值",
            "即使在二维中，Himmelblau 函数的鞍点也和最小值一样多。\
             临界点要成为最小值，它的每一个特征值都必须为正；参数越多，这种情况就越少见。\
             最小值比例实验训练一些小网络，找出训练停滞处附近的临界点，并统计其正特征值的个数：\
             训练损失高的地方，大多数临界点都是鞍点。",
        ),
    };
    LessonText { title, body }
}

fn formula_error(error: &FormulaError) -> String {
    format!(
        "第 {} 列：{}",
        error.column,
        formula_error_kind(&error.kind)
    )
}

fn formula_error_kind(kind: &FormulaErrorKind) -> String {
    use FormulaErrorKind::*;
    match kind {
        TooLong => format!("公式太长：最多 {MAX_LENGTH} 个字符"),
        Empty => "公式为空：请输入关于 x 和 y 的损失函数，例如 (1 - x*y)^2".into(),
        UnexpectedCharacter(c) => format!(
            "意外的字符 {}：请使用数字、x、y、+ - * / ^、括号和函数名",
            shown_character(*c)
        ),
        MissingDigits => "数字中缺少数位（例如 0.5 或 .5）".into(),
        MissingExponentDigits => {
            "数字的指数 'e' 后面缺少数位（例如 1e-3）；若要表示 2 乘以常数 e，请写 2*e".into()
        }
        NumberTooLarge(text) => format!("数字 {text} 太大"),
        NestedTooDeeply => format!("公式嵌套太深（超过 {MAX_NESTING} 层）"),
        UnmatchedClose => "多余的 ')'：前面没有与之配对的 '('".into(),
        MissingOperatorBefore(token) => format!(
            "{} 前面缺少运算符（应写 2*x，而不是 2x）",
            token_text(token)
        ),
        ExpectedOperatorOrEnd(token) => {
            format!("此处应为运算符或公式结尾，却遇到了 {}", token_text(token))
        }
        MissingOperand { after } => format!("{} 后面缺少操作数", token_text(after)),
        ExpectedOperand { found: Some(token) } => format!(
            "此处应为数字、x、y、函数或 '('，却遇到了 {}",
            token_text(token)
        ),
        ExpectedOperand { found: None } => "此处应为数字、x、y、函数或 '('，但公式已结束".into(),
        UnknownName(name) => format!(
            "未知的名称 '{name}'；可用的名称有 x、y（或 w1、w2）、pi、e，以及函数 {}",
            function_names()
        ),
        MissingCallParenthesis { function } => {
            format!("函数 {function} 后面应有 '('，例如 {function}(x)")
        }
        UnclosedParenthesis { open_column, found } => match found {
            Some(token) => format!(
                "缺少 ')' 来闭合第 {open_column} 列的 '('，却遇到了 {}",
                token_text(token)
            ),
            None => format!("缺少 ')' 来闭合第 {open_column} 列的 '('，但公式已结束"),
        },
    }
}

fn token_text(token: &TokenText) -> String {
    match token {
        TokenText::Number(_) => format!("数字 {}", token.quoted()),
        other => other.quoted(),
    }
}

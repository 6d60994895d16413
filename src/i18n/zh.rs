//! 简体中文.

use super::{
    ChartWords, ExperimentStatus, LabWords, Labels, LessonText, NoticeWords, PresetText,
    ReasonWords, Strings,
};
use crate::analysis::{Continuum, ContinuumShape, PointKind};
use crate::formula::{
    function_names, shown_character, FormulaError, FormulaErrorKind, TokenText, MAX_LENGTH,
    MAX_NESTING,
};
use crate::jobs::TrainingState;
use crate::lesson::StepId;
use crate::network::{SolverStatus, Task, TrainingMethod};
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
        view_map: "等高线图",
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
        map_hint: "点击等高线图放置一个点，拖动它可移动。拖动背景可平移，滚动滚轮或双指捏合可缩放。",
        map_hint_touch: "轻触等高线图放置一个点，拖动它可移动。单指滑动滚动页面，双指平移和缩放。",
        map_keys_hint: "在等高线图上：方向键移动 θ′（按住 Shift 可微调），回车键将它放在当前位置并读出判定结果。",
        reset_view: "重置视图",
        long_formula: "公式很长：等高线图改用较粗的网格采样，并略去临界点和三维视图，以保持页面流畅。",
        race_title: "优化器竞赛",
        learning_rate_label: "学习率 η",
        beta_label: "动量系数 β",
        speed_label: "步/秒",
        batch_label: "批次大小 B",
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
        point_empty: "点击等高线图放置一个点。",
        point_empty_touch: "轻触等高线图放置一个点。",
        point_x_label: "θ′ 的 x 坐标",
        point_y_label: "θ′ 的 y 坐标",
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
        basins_toggle: "吸引域",
        basins_legend_title: "第一个优化器从每个起点出发的终点",
        basins_hint: "每个格子是一个起点，用比赛的 η 和 β 最多运行 300 步；圆环标出运行停下的位置。点击格子即从该处开始比赛。",
        basins_mapping: "正在计算吸引域",
        slice_heading: "沿一个方向穿过 θ′ 的截面",
        slice_chart_label: "沿所选方向穿过 θ′ 的 L，以及它的二阶模型",
        slice_direction: "方向",
        slice_presets: "方向",
        slice_hint: "地图上的虚线表示这个方向。一个点沿某条直线看像极小值，在平面上却可能是鞍点。",
        lesson_title: "引导式课程",
        lesson_previous: "上一步",
        lesson_next: "下一步",
        lesson_restart: "重新开始这一步",
        lesson_open_compare: "显示对照场景",
        key_gradient: "∇L（指向上坡）",
        key_eigen_negative: "特征向量，λ < 0",
        key_eigen_positive: "特征向量，λ > 0",
        undefined_value: "无定义",
        data_presets_group: "由数据定义的损失",
        extra_input_toggle: "不含信号的额外输入 z",
        escape_times_button: "从 θ′ 出发的逃离步数",
        escape_times_caption: "L 降到鞍点 (0, 0) 处一半以下所需的步数；SGD 取 9 个随机种子的中位数。",
        column_batch: "批次",
        column_escape_steps: "步数",
        full_batch: "全批量（梯度下降）",
        not_escaped: "2000 步内未逃离",
        batch_hint: "SGD 每一步使用 B 个随机样本的梯度；B = N 时就是梯度下降。\
                     在 θ′ 处，浅色箭头是各个小批量梯度，圆环标出它们所围绕的全批量梯度。\
                     小批量噪声只有沿负曲率方向 u 的分量才有助于离开鞍点。",
        race_label: "优化器竞赛",
        plots_label: "图表",
        inspector_label: "点信息",
        column_run: "运行",
        lab_title: "网络实验室：高维空间中的鞍点",
        lab_intro: "一个真实的小网络：全连接的 tanh 网络，输出层为线性，在 300 个样本上训练，另用 100 个样本测试。\
                    训练到停滞为止，查看该处精确的 P×P 海森矩阵，再走到附近的临界点，看它是极小值还是鞍点。",
        lab_task: "任务",
        lab_noise: "噪声",
        lab_width1: "第 1 隐藏层",
        lab_width2: "第 2 隐藏层（0：无）",
        lab_optimizer: "优化器",
        lab_seed: "随机种子",
        lab_new_start: "重新初始化",
        lab_train_heading: "1. 训练",
        lab_loss_chart_label: "训练损失和测试损失随步数的变化",
        lab_data_chart_label: "网络在数据上的预测",
        lab_data_hint: "颜色：网络的输出 ŷ（蓝色表示判为 +1，橙色表示判为 −1，越浅越不确定）；\
                        黑线：ŷ = 0，即决策边界；实心点：训练样本；圆环：测试样本。",
        lab_fit_hint: "黑线：网络的 ŷ(x)；实心点：训练样本；圆环：测试样本。",
        lab_inspect_heading: "2. θ 处的海森矩阵",
        lab_inspect: "计算海森矩阵",
        lab_spectrum_label: "海森矩阵的全部特征值，按升序排列",
        lab_rule: "当 |λ| ≤ 10·‖∇L‖ + 10⁻⁹·max|λ| 时，该特征值记为无法判定：不在临界点时，斜率的作用\
                   压过了这么小的曲率，它的正负号无法说明附近临界点的性质。在临界点处，\
                   只有在计算精度内为 0 的特征值才无法判定。",
        lab_ratio_hint: "最小值比例 = 正特征值个数 ÷ 全部 P 个特征值：在局部极小值处为 1，在鞍点处小于 1。\
                         无法判定的特征值给出它的取值范围。",
        lab_solve_heading: "3. 附近的临界点",
        lab_solve: "走到附近的临界点",
        lab_solve_hint: "Newton-MR（Roosta 等，2022）用精确的海森矩阵求解 ∇L = 0，不论特征值正负，\
                         因此找到鞍点和找到极小值一样容易。当 ‖∇L‖ 在浮点精度内为零时即为收敛；\
                         如果在此之前再也没有一步能降低 ‖∇L‖，它就停在了梯度平坦区域，那里不是临界点。",
        lab_slices_heading: "4. 过 θ 的切片",
        lab_slices: "绘制切片",
        lab_eigen_slice_label: "L 在过 θ、由海森矩阵的极端特征向量 u_min 和 u_max 张成的平面上的取值",
        lab_random_slice_label: "L 在过 θ、由两个按滤波器归一化的随机方向张成的平面上的取值",
        lab_profile_label: "L 沿过 θ 的 u_min 的取值，以及它的二阶模型",
        lab_slices_hint: "左图：L 在 u_min 和 u_max 张成的平面上，它们是海森矩阵最小和最大特征值的特征向量；\
                          在鞍点处，这张图看起来就是鞍形。右图：同一个点在两个随机方向张成的平面上，\
                          每个方向的各行权重都缩放到 θ 中对应行的大小（Li 等，2018）。随机方向大多看到的是正曲率，\
                          所以鞍点在这里通常看起来像一个碗（Böttcher 和 Wheeler，2022）：\
                          在两个方向的图中看起来是极小值的点，在高维空间中可能是鞍点。",
        lab_escape_heading: "5. 逃离",
        lab_escape: "沿 u_min 逃离",
        lab_restore: "回到临界点",
        lab_escape_hint: "讲义中的一步：沿 u_min 方向（uᵀHu = λ_min < 0），取使 L 下降的那个符号；\
                          之后训练继续，损失曲线会显示接下来发生的事。作为对比，可以回到临界点，\
                          改用动量法或小批量（SGD）从那里训练。",
        lab_experiment_heading: "6. 实验：多次运行",
        lab_experiment_hint: "从随机初始点出发运行 R 次，每次用全批量 Adam（η = 0.03）训练到损失停滞，\
                              再用 Newton-MR 求解。每个点代表一次到达了临界点的运行：横轴是该处的训练损失，\
                              纵轴是最小值比例，颜色表示临界点的类型。没有到达临界点的运行列在下方，\
                              不计为临界点。",
        lab_runs: "运行次数 R",
        lab_run_experiment: "运行实验",
        lab_run_sweep: "按 P 扫描",
        lab_cancel: "取消",
        lab_progress: "进度",
        lab_scatter_label: "训练损失与最小值比例的关系，每个到达的临界点对应一个点",
        lab_sweep_label: "临界点中鞍点所占比例与参数个数的关系",
        lab_sweep_hint: "扫描：在 P ≈ 10、30、100 和 300 处各运行 10 次（一个隐藏层，数据相同），\
                         看找到的临界点中鞍点所占比例如何随 P 变化。",
        lab_not_converged: "没有到达临界点的运行",
        lab_column_ended: "结束方式",
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
    train_and_test: |train, test| format!("{train}（测试 {test}）"),
    momentum_update: |magnified| {
        format!(
            "动量法在当前点的下一步{magnified}：上一次的移动 β·m 加上梯度步 −η·g，得到新的移动 β·m − η·g。"
        )
    },
    basin: |kind, curve, at| {
        if curve {
            format!("经过 {at} 的一整条临界点曲线的吸引域")
        } else {
            format!("{kind} {at} 的吸引域")
        }
    },
    chart: ChartWords {
        step: "步数",
        loss: "L",
        loss_log: "L（对数坐标）",
        loss_shifted_log: "L − L_min + ε（对数坐标：部分 L ≤ 0）",
        training_loss_log: "临界点处的训练损失 L（对数坐标）",
        minimum_ratio: "最小值比例",
        parameter_count_log: "参数个数 P（对数坐标）",
        saddle_share: "鞍点数 ÷ 临界点数",
        eigenvalue_rank: "k（按升序排列）",
        eigenvalue_signed_log: "λ（对称对数坐标）",
        negative: "负",
        positive: "正",
        undetermined: "无法判定",
        input_x: "x",
        target: "y",
        eigen_plane_x: "a（沿 u_min）",
        eigen_plane_y: "b（沿 u_max）",
        random_plane_x: "a（沿 d₁）",
        random_plane_y: "b（沿 d₂）",
        profile_t: "t（θ + t·u_min）",
        map_x: "x（w₁）",
        map_y: "y（w₂）",
        colour_bar: "L",
        slice_t: "t（θ = θ′ + t·d）",
        slice_curve: "L(θ′ + t·d)",
        slice_model: "二阶模型 q(t)",
        slice_test: "测试损失 L_test(θ′ + t·d)",
        slice_title: "沿 d = {d}：dᵀHd = {c}，{bend}",
        bends_up: "向上弯曲",
        bends_down: "向下弯曲",
        bends_flat: "不弯曲",
        basin_diverged: "发散",
        basin_still_moving: "最后一步时仍在移动",
        basin_curve: "一整条临界点曲线",
    },
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
            lab: "lab 必须是 network",
            task: "task 必须是 sine、circle、xor、gauss 或 spiral",
            noise: "noise 必须是 [0, 1] 内的数",
            hidden: |widest, most| {
                format!("hidden 必须是一个或两个 1 到 {widest} 之间的宽度，且参数总数不超过 {most}")
            },
            lab_optimizer: "lab-opt 必须是 gd、sgd、momentum 或 adam",
            lab_learning_rate: |most| format!("lab-lr 必须是 (0, {most}] 内的数"),
            lab_batch: |most| format!("lab-batch 必须是 1 到 {most} 之间的整数"),
            lab_runs: |most| format!("lab-runs 必须是 1 到 {most} 之间的整数"),
        },
    },
};

/// The network lab's sentences (only its panel's wasm uses them).
pub static LAB: LabWords = LabWords {
    task: |task| match task {
        Task::Sine => "正弦：y = sin(3x) + 噪声（回归）",
        Task::Circle => "圆形（分类）",
        Task::Xor => "异或（分类）",
        Task::Gauss => "两个高斯团（分类）",
        Task::Spiral => "螺旋（分类）",
    },
    method: |method| match method {
        TrainingMethod::Gd => "梯度下降（全批量）",
        TrainingMethod::Sgd => "SGD（小批量）",
        TrainingMethod::Momentum => "动量法",
        TrainingMethod::Adam => "Adam",
    },
    size: |p, n| format!("P = {p} 个参数，N = {n} 个训练样本。"),
    more_parameters:
        "参数比训练样本多（P > N）：许多方向几乎不改变拟合，因此谱中有很大一部分天然地靠近 0。",
    too_many: |p, most| format!("这个网络有 {p} 个参数；本实验室最多支持 {most} 个。"),
    training: |state, step| match state {
        TrainingState::Running => format!("训练中：第 {step} 步。"),
        TrainingState::Paused => format!("暂停于第 {step} 步。"),
        TrainingState::Stalled => {
            format!("在第 {step} 步停滞：最近 200 步中，训练损失的最低值下降不到 0.1%。")
        }
        TrainingState::StepLimit => format!("达到步数上限，停在第 {step} 步。"),
        TrainingState::Diverged => {
            format!("在第 {step} 步发散：学习率太大。请调小 η 后重新初始化。")
        }
    },
    train_loss: "训练损失",
    test_loss: "测试损失",
    mark_critical: "临界点",
    mark_escape: "逃离",
    counts: |negative, positive, undetermined| {
        format!("{negative} 个负，{positive} 个正，{undetermined} 个无法判定")
    },
    verdict: |kind, index| {
        match kind {
        PointKind::Saddle => format!("指标为 {index} 的鞍点（{index} 个负特征值）"),
        PointKind::LocalMinimum => "局部极小值（所有特征值都为正）".into(),
        PointKind::LocalMaximum => "局部极大值（所有特征值都为负）".into(),
        PointKind::Degenerate if index > 0 => format!(
            "退化临界点，但不是极小值：有 {index} 个明显为负的特征值（沿 u_min 方向 L 下降），另有特征值在计算精度内为 0"
        ),
        PointKind::Degenerate => "退化临界点（有特征值在计算精度内为 0：二阶检验无法判定）".into(),
        PointKind::Regular => "不是临界点".into(),
        PointKind::Undefined => "无定义：L 或其导数在此处不是有限值".into(),
    }
    },
    not_critical: |norm, tolerance| {
        format!("不是临界点：‖∇L‖ = {norm}，高于 {tolerance}（低于它才算在浮点精度内为零）。")
    },
    ratio: |ratio, low, high| {
        if low == high {
            format!("最小值比例 {ratio}")
        } else {
            format!("最小值比例 {ratio}；计入无法判定的特征值，介于 {low} 和 {high} 之间")
        }
    },
    solver: |status| match status {
        SolverStatus::Converged => "已收敛：∇L 在浮点精度内为 0。",
        SolverStatus::GradientFlat => {
            "梯度平坦区域：‖∇L‖ 不为 0，却再也没有一步能降低它。这不是临界点。"
        }
        SolverStatus::IterationLimit => "迭代 500 次后仍在改进：不计为临界点。",
        SolverStatus::Diverged => "发散：L 或其导数不再是有限值。",
    },
    solve_summary: |iterations, distance| {
        format!("Newton-MR 迭代 {iterations} 次；θ 从原处移动了 {distance}。")
    },
    solving: |iterations, norm| format!("求解中：第 {iterations} 次迭代，‖∇L‖ = {norm}……"),
    slicing: "正在计算切片……",
    escaped: |lambda, before, after| {
        format!("已沿 u_min 迈出一步（λ_min = {lambda}）：L 从 {before} 降到 {after}；训练继续。")
    },
    no_escape: "这里没有负特征值：没有可以逃离的方向。",
    no_critical_point: "还没有一次求解到达临界点。",
    spectrum_title: |p, lowest, highest| {
        format!("H 的全部 {p} 个特征值：λ_min = {lowest}，λ_max = {highest}")
    },
    profile_title: |curvature, bend| format!("沿 u_min：uᵀHu = {curvature}，{bend}"),
    experiment,
    picked: |run, p, loss, ratio| {
        format!("第 {run} 次运行（P = {p}）：L = {loss}，最小值比例 {ratio}；")
    },
};

fn preset(name: &str) -> Option<PresetText> {
    let (title, description) = match name {
        "lecture" => (
            "讲义中的单神经元网络",
            "L(w1, w2) = (1 − w1·w2)² 是网络 ŷ = w1·w2·x 在单个样本 (x, y) = (1, 1) 上的损失：它在原点有一个鞍点，梯度下降会在那里徘徊，之后沿 u = (1, 1) 逃离；\
             而在 w1·w2 = 1 处是一整条由极小值点组成的曲线。",
        ),
        "bowl" => (
            "碗形",
            "最简单的极小值：海森矩阵的两个特征值都为正，曲面在每个方向上都向上弯曲。",
        ),
        "hilltop" => (
            "山顶",
            "极大值：顶点处的梯度同样为零，但两个特征值都为负，稍有扰动就会滚落。",
        ),
        "saddle" => (
            "鞍点",
            "教科书式的鞍点：梯度在原点为零，但沿 y 方向（负特征值的特征向量）损失会下降。",
        ),
        "monkey-saddle" => (
            "猴鞍",
            "下坡的路有三条而不是两条：原点处的海森矩阵为零，二阶检验无法判定，尽管这里并不是极小值。",
        ),
        "flat-bottom" => (
            "平底碗",
            "一个海森矩阵为零的真正极小值：二阶检验给出“退化”，而随着谷底变平，梯度下降越走越慢。",
        ),
        "double-well" => (
            "双势阱",
            "两个同样深的极小值之间隔着一个鞍点：最终到达哪一个，取决于从鞍点的哪一侧出发。",
        ),
        "narrow-valley" => (
            "狭长山谷",
            "一条曲率分别为 0.1 和 20 的狭长山谷：陡峭的谷壁使梯度下降只在 η < 2/20 = 0.1 时稳定，所以它沿谷底缓慢爬行；\
             同样的 η 下，动量法沿谷底越走越快，并且在 η < 2(1 + β)/20 时横跨山谷的方向仍然稳定；\
             而用动量法的更长步长 η/(1−β) 的梯度下降，一旦这个步长超过 0.1，就会在谷壁间越弹越远、发散。",
        ),
        "small-bump" => (
            "更深的极小值前的小鼓包",
            "x ≈ 1.48 附近有一个浅的极小值（L ≈ 0.52），它与原点附近更深的极小值之间隔着 x ≈ 1.05 处的一个小鼓包：\
             从起点以 η = 0.03、β = 0.9 出发，梯度下降在梯度为零处停下，停在浅的极小值里，用动量法的更长步长 η/(1−β) 的梯度下降也一样；\
             而动量法的速度是过去梯度的累加，它带着小球越过鼓包。",
        ),
        "plateau" => (
            "平台",
            "远离极小值的地方曲面几乎是平的，所以梯度下降靠极小的梯度缓慢爬行，尽管唯一的临界点（原点处的极小值）离得很远：梯度接近零不等于梯度为零。",
        ),
        "rosenbrock" => (
            "Rosenbrock 香蕉函数",
            "一条弯曲且谷壁陡峭的山谷：位于 (1, 1) 的唯一极小值一眼就能看到，但沿着弯曲的谷底要很久才能到达。",
        ),
        "himmelblau" => (
            "Himmelblau 函数",
            "四个同样深的极小值、一个极大值，以及它们之间的四个鞍点：起点决定了会找到哪一个极小值。",
        ),
        "beale" => (
            "Beale 函数",
            "唯一的极小值 (3, 0.5) 周围既有陡壁也有平坦地带：在一处安全的步长，到了另一处就会越过头。",
        ),
        "six-hump-camel" => (
            "六峰驼背函数",
            "六个局部极小值（其中两个是全局最小值），之间隔着鞍点：浅的局部极小值和深的一样能牢牢困住梯度下降。",
        ),
        "rastrigin" => (
            "Rastrigin 蛋托函数",
            "全局最小值位于原点，周围布满蛋托般的局部极小值：梯度下降会停在最近的那个凹坑里。",
        ),
        "lecture-data" => (
            "讲义中的网络：用数据训练",
            "用 ŷ = w1·w2·x + κ·(w1 + w2)·z 拟合 64 个数据点 y = x + 噪声，其中额外输入 z 不含任何信号：\
             全批量损失在原点有一个鞍点，逃离方向为 u = (1, 1)，并在 w1 = w2 = ±0.9 附近有两个极小值。\
             恰好从直线 w1 = −w2 上出发时，全批量梯度下降滑进鞍点并停滞，而 SGD 能离开：\
             z 让每个样本的梯度都带有沿 u 的分量，全批量平均时这些分量相互抵消，小批量则不会。\
             从离这条直线极近的一点出发，全批量梯度下降也会离开，只是更晚。",
        ),
        "lecture-data-plain" => (
            "讲义中的网络：用数据训练，不加额外输入",
            "只用 ŷ = w1·w2·x 拟合同样的 64 个数据点：原点有一个鞍点，沿 w1·w2 ≈ 0.95 有一整条由极小值点组成的山谷。\
             每个样本的梯度在原点都为零，在直线 w1 = −w2 上都沿着这条直线，\
             所以从这条直线上出发时，SGD 和全批量梯度下降一样停在鞍点：它的噪声没有沿逃离方向 u = (1, 1) 的分量。\
             从离这条直线极近的一点出发，两者都会离开，而且一样慢。",
        ),
        "sharp-and-flat" => (
            "一个尖锐的极小值和一个平坦的极小值",
            "128 个样本的损失形状相同：(−1, 0) 附近有一个又窄又深的坑，(1, 0) 附近有一个又宽又浅的坑，\
             每个样本再各自随机平移一点；测试样本再多平移 δ = (0.2, 0)，所以测试损失大致是训练损失平移 δ。\
             尖锐的极小值（曲率 29 和 36）训练损失更低，为 0.007，平坦的极小值（曲率 2.5 和 2.6）为 0.108；\
             测试损失却更高，为 0.53，平坦的为 0.16。\
             从 (−0.9, −0.1) 以 η = 0.045 出发，全批量梯度下降和批次大小为 16 及以上的 SGD 停在尖锐的极小值里，\
             而批次大小为 1 或 2 的 SGD 在几百步内被甩出去，落入平坦的极小值：小批量梯度的噪声随曲率增大。",
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

fn experiment(status: &ExperimentStatus) -> String {
    match *status {
        ExperimentStatus::Running {
            done,
            total,
            workers,
        } => format!("运行中：已完成 {done} / {total} 次，使用 {workers} 个后台线程……"),
        ExperimentStatus::Cancelled { done, total } => {
            format!("已取消，{total} 次中完成了 {done} 次。")
        }
        ExperimentStatus::Done {
            runs,
            converged,
            saddles,
            minima,
        } => format!(
            "完成：共 {runs} 次运行；{converged} 次到达临界点：{saddles} 个鞍点，{minima} 个局部极小值，其他 {} 个。",
            converged.saturating_sub(saddles + minima)
        ),
    }
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
        OptimizerKind::GdMatched => "梯度下降（步长 η/(1−β)）",
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
        CurvatureClass::Bowl => "碗形：两个 λ 都 ≥ 0，且不全为 0",
        CurvatureClass::Cap => "帽形：两个 λ 都 ≤ 0，且不全为 0",
        CurvatureClass::SaddleLike => "鞍形：λ 有正有负",
        CurvatureClass::Flat => "平坦：两个 λ 都 = 0",
        CurvatureClass::Undefined => "无定义",
    }
}

fn lesson(step: StepId) -> LessonText {
    let (title, body) = match step {
        StepId::Stalled => (
            "训练停滞了",
            "梯度下降已经跑了 60 步。L 在前 20 步内从 1.85 降到 1.000，此后几乎没有变化：\
             在它现在的位置，‖∇L‖ 约为 2·10⁻⁶，每一步只让 θ 移动约 2·10⁻⁷。\
             梯度接近零，还不能说明我们在哪里，因为很小不等于零：\
             显示对照场景，平台上的这个点 ‖∇L‖ 更小（约 1.4·10⁻⁶），最近的临界点却在 5.5 之外。\
             而如果我们真的到了临界点：它是局部极小值（停下来也无妨），还是鞍点（损失其实还能继续下降）？",
        ),
        StepId::Taylor => (
            "仔细看：泰勒展开",
            "在 θ′ 附近，L(θ) ≈ L(θ′) + (θ − θ′)ᵀg + ½(θ − θ′)ᵀH(θ − θ′)，其中 g 和 H 分别是 θ′ 处的梯度和海森矩阵。\
             在临界点处 g = 0，只剩下海森矩阵这一项：θ′ 附近 L 的形状由 H 决定；\
             但若 H 有特征值为 0，就要由这个模型略去的高阶项来决定。\
             虚线等高线就是这个二次模型，在 θ′ 附近它与真实等高线几乎重合。",
        ),
        StepId::EigenvalueTest => (
            "特征值检验",
            "把 v = θ − θ′ 用 H 的单位特征向量 u₁、u₂ 表示为 v = Σ cᵢuᵢ，海森项就变成 ½vᵀHv = ½ Σ λᵢcᵢ²。\
             特征值全为正：在 θ′ 附近往哪个方向 L 都上升，是局部极小值；全为负：是局部极大值；有正有负：是鞍点。\
             若有特征值 ≈ 0，检验无法判定（退化），不过只要有一个特征值明显为负，就足以断定它不是极小值。\
             这里 L = x² − y² 的特征值是 −2 和 2；显示对照场景看看碗形曲面 x² + y²，它的两个特征值都是 2。",
        ),
        StepId::LectureNetwork => (
            "讲义中的单神经元网络",
            "L(w₁, w₂) = (1 − w₁w₂)² 是网络 ŷ = w₁w₂x（每层只有一个权重）在单个样本 (x, y) = (1, 1) 上的损失。\
             在原点 ∇L = 0，H = [[0, −2], [−2, 0]]，特征值为 −2 和 2：这是鞍点，不是极小值。\
             沿 λ = −2 的特征向量 u = (1, 1)，uᵀHu = λ‖u‖² = −4，所以 L(θ′ + αu) ≈ L(θ′) + ½λα²‖u‖² = 1 − 2α²：损失下降。\
             （“点 θ′”面板显示的是同一方向的单位向量 u/‖u‖ = (0.7071, 0.7071)。）\
             另一个特征向量 (1, −1)（λ = 2）给出过鞍点的直线 w₁ = −w₂，在这条直线上梯度始终沿着直线，\
             所以从直线上出发的梯度下降会径直滑进鞍点：第 1 步看到的正是这样。\
             点击“沿 u 逃离”，或让“沿特征向量逃离”优化器参赛，它做的正是这件事。",
        ),
        StepId::Momentum => (
            "狭长山谷中的动量法",
            "训练真实网络时从不构造海森矩阵：它的行数和网络的权重个数一样多（本页面能构造它，是因为只有两个参数）。\
             动量法只用梯度：m ← βm − η∇L，θ ← θ + m。\
             在坡度不变的斜坡上，m 会增长到 −η∇L/(1 − β)，β = 0.9 时是梯度下降步长的十倍，\
             所以公平的比赛要加上一个步长为 η/(1 − β) 的梯度下降。\
             在这条山谷中（曲率为 0.1 和 20），陡峭的谷壁限制了梯度下降的步长：只有 η < 2/20 = 0.1 时它才稳定。\
             η = 0.09 时它沿谷底缓慢爬行，需要 460 步才使 L < 10⁻³；步长为 η/(1 − β) = 0.9 时，它在谷壁间来回弹跳并发散。\
             动量法在 η < 2(1 + β)/20 = 0.19 时都稳定，只需 92 步：\
             横跨山谷方向上正负交替的梯度在 m 中相互抵消，沿谷底方向的梯度则不断累加。",
        ),
        StepId::PastGradients => (
            "动量：过去梯度的累加",
            "从 m = 0 开始展开，动量法的每次移动是此前所有梯度 gᵢ = ∇L(θᵢ) 的加权和：\
             m_t = −η(g_t + βg_{t−1} + β²g_{t−2} + … + βᵗg₀)。梯度为零的地方，这个和不一定为零。\
             这里 x ≈ 1.48 处有一个浅的局部极小值（L ≈ 0.52），它与原点附近更深的局部极小值（L ≈ 0.0002）之间隔着一个小鼓包。\
             η = 0.03 时，梯度下降停在浅的极小值里，步长为 η/(1 − β) = 0.3 的梯度下降也一样：在 ∇L = 0 的点上，多大的步长都不会让它移动。\
             动量法带着速度到达，越过鼓包，落入更深的极小值。\
             但它需要助跑：从 (2, 0.5) 出发，动量法也停在浅的极小值里。",
        ),
        StepId::Adam => (
            "Adam：间接逃离",
            "实践中常用的 Adam 同样不构造海森矩阵。它保留梯度的动量，\
             并把每个坐标的步长除以该坐标自身梯度的滑动均方根，所以只要梯度一直都很小，它在每个坐标上的步长仍约为 η。\
             在这个平台上 ‖∇L‖ ≈ 0.002：η = 0.1 时，梯度下降每步只移动 0.0002，需要 1617 步才使 L < 0.1，Adam 只需 26 步。\
             增大 η 也救不了梯度下降：极小值处的曲率为 1，所以只有 η < 2 时它才稳定，即使 η = 1.9 也需要 88 步。\
             显示对照场景：从距讲义中的鞍点 0.001 处出发，Adam 10 步就使 L < 0.1，梯度下降需要 43 步。\
             但这并无保证：恰好从直线 w₁ = −w₂ 上出发时，Adam 同样滑进鞍点并停滞。",
        ),
        StepId::SmallBatches => (
            "小批量噪声把小球晃出鞍点",
            "实际训练每一步用的是一小批随机样本的梯度，而不是整个数据集的梯度。\
             这个损失是讲义中的网络在 64 个数据点上的拟合，外加一个不含任何信号的额外输入 z。\
             恰好从直线 w₁ = −w₂ 上出发时，全批量梯度下降滑进鞍点并停滞；批次大小为 4 的 SGD 则离开鞍点，最终来到一个极小值附近。\
             它能离开是因为 z：z 让每个样本的梯度都带有沿 u = (1, 1) 的分量，u 是鞍点处负特征值的特征向量；\
             在全批量中这些分量相互抵消，在小批量中则不会。\
             这正是讲义中的条件：噪声只有通过它沿负曲率方向的分量，才有助于逃离鞍点。\
             显示对照场景：没有 z 时，这条直线上每个样本的梯度都沿着直线，SGD 和全批量梯度下降一样停在鞍点。",
        ),
        StepId::HighDimension => (
            "在高维空间中，鞍点远多于极小值",
            "等高线图上是 Himmelblau 函数：即使在二维中，它的鞍点也和极小值一样多（各四个，另有一个极大值）。\
             临界点的特征值全为正时是局部极小值，而要成为极小值，至少不能有负特征值；\
             参数很多时，训练停滞处很少没有负特征值。\
             这一步的链接会打开网络实验室：它训练一个有 P 个参数的真实网络直到停滞，走到附近的临界点，\
             再统计那里精确海森矩阵特征值的正负号。\
             最小值比例（正特征值个数 ÷ 全部 P 个特征值）在极小值处为 1，在鞍点处小于 1；\
             实验室的实验在多次运行中测量它，按 P 的扫描则显示鞍点所占比例如何随 P 变化。",
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
